#include "parsing/job/job_attributes.hpp"

#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {

using domain::EmploymentType;
using domain::Seniority;
using domain::Workplace;

std::optional<Seniority> SeniorityFromTitle(std::string_view t) {
  static const CueSet kInternTitle{
      "intern",  "internship", "praktikant*", "praktikum", "werkstudent*", "stage",  "stagiaire",
      "becari*", "trainee",    "tirocin*",    "stagiair",  "estagiári*",   "pasante"};
  static const CueSet kPrincipalTitle{"principal", "distinguished"};
  static const CueSet kStaffTitle{"staff engineer",
                                  "staff software",
                                  "staff data",
                                  "staff machine",
                                  "staff ml",
                                  "staff scientist",
                                  "staff developer",
                                  "staff designer",
                                  "staff product",
                                  "staff research*",
                                  "staff security",
                                  "staff site",
                                  "staff frontend",
                                  "staff backend",
                                  "staff full",
                                  "staff platform",
                                  "staff infrastructure",
                                  "staff applied",
                                  "staff ai",
                                  "staff ux",
                                  "staff devops"};
  static const CueSet kLeadGeneration{"lead generation", "lead gen"};
  static const CueSet kLeadTitle{"head of",
                                 "director",
                                 "directeur",
                                 "directrice",
                                 "director*",
                                 "vp",
                                 "vice president",
                                 "chief",
                                 "ceo",
                                 "cfo",
                                 "cto",
                                 "coo",
                                 "cmo",
                                 "cio",
                                 "ciso",
                                 "teamleiter*",
                                 "teamleitung",
                                 "leiter*",
                                 "leiterin",
                                 "leitung",
                                 "jefe",
                                 "jefa",
                                 "jefe/a",
                                 "responsable d'équipe",
                                 "chef d'équipe",
                                 "capo",
                                 "hoofd"};
  static const CueSet kSeniorTitle{"senior", "sr", "sr.", "sénior", "snr"};
  static const CueSet kJuniorTitle{
      "junior",   "jr",     "jr.",       "entry-level",       "entry level",
      "graduate", "tier 1", "débutant*", "berufseinsteiger*", "absolvent*"};
  if (HasAnyCue(t, kInternTitle)) {
    return Seniority::kIntern;
  }
  if (HasAnyCue(t, kPrincipalTitle)) return Seniority::kPrincipal;
  if (HasAnyCue(t, kStaffTitle)) {
    return Seniority::kPrincipal;
  }
  const std::size_t lead = FindCue(t, "lead");
  const bool lead_role = lead != std::string_view::npos && !HasAnyCue(t, kLeadGeneration);
  if (lead_role || HasAnyCue(t, kLeadTitle)) {
    return Seniority::kLead;
  }
  if (HasAnyCue(t, kSeniorTitle)) return Seniority::kSenior;
  if (HasAnyCue(t, kJuniorTitle)) {
    return Seniority::kJunior;
  }
  return std::nullopt;
}

namespace {

// A cue list asked of both the title (a short text, scanned once for the whole list) and the
// posting (looked up in its cue index): HasAnyCue(title, cues) || HasAnyCue(posting, cues).
class TitleAndPosting {
 public:
  TitleAndPosting(std::initializer_list<std::string_view> cues) : cues_(cues), set_(cues_) {}
  bool In(std::string_view title, const CueIndex& posting) const {
    return HasAnyCue(title, set_) || HasAnyCue(posting, cues_);
  }

 private:
  std::vector<std::string_view> cues_;
  CueSet set_;
};

// "supervise a brigade of 8 line cooks", "manage a staff of twelve", "lead a team of six".
bool ManagesPeople(const CueIndex& index) {
  const std::string_view lower = index.text();
  for (const std::string_view verb :
       {"supervise", "supervises", "supervising", "manage", "manages", "managing", "lead", "leads",
        "leading", "oversee", "oversees", "overseeing", "run", "runs"}) {
    for (std::size_t at = FindCue(index, verb); at != std::string_view::npos;
         at = FindCue(index, verb, at + 1)) {
      std::string_view rest = lower.substr(at + verb.size(), 40);
      rest = rest.substr(0, std::min(rest.size(), rest.find_first_of(".;\n")));
      const std::size_t of = rest.find(" of ");
      if (of == std::string_view::npos || of > 20) continue;
      const std::string_view head = rest.substr(0, of);
      if (!HasAnyCue(head, {"a", "an", "the", "our"})) continue;
      std::size_t end = 0;
      const auto n = ReadSmallNumber(rest, of + 4, &end);
      if (n && *n >= 2) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Seniority> SeniorityOf(std::string_view lower_title, const CueIndex& lower,
                                     std::optional<double> min_years) {
  if (auto s = SeniorityFromTitle(lower_title)) return s;
  if (HasAnyCue(lower,
                {"entry-level", "entry level", "no experience required", "no experience necessary",
                 "no experience needed", "no prior experience", "new graduates", "new grads",
                 "recent graduates", "new teachers", "berufseinsteiger*", "sin experiencia previa",
                 "débutant*", "jeunes diplômés", "jeune diplômé*", "recién titulad*",
                 "junior-level", "graduates welcome"})) {
    return Seniority::kJunior;
  }
  if (HasAnyCue(lower, {"senior-level", "senior level"})) return Seniority::kSenior;
  if (ManagesPeople(lower) || HasAnyCue(lower, {"manage a team",
                                                "manages a team",
                                                "managing a team",
                                                "lead a team",
                                                "leads a team",
                                                "leading a team",
                                                "supervise a team",
                                                "supervises a team",
                                                "supervising a team",
                                                "direct reports",
                                                "people management",
                                                "line management",
                                                "line manage*",
                                                "people leader",
                                                "manage the team",
                                                "manages the team",
                                                "lead the team",
                                                "leads the team",
                                                "supervise the",
                                                "supervises the",
                                                "supervise staff",
                                                "supervises staff",
                                                "disziplinarisch*",
                                                "personalverantwortung",
                                                "führung eines teams",
                                                "führst ein team",
                                                "leitest ein team",
                                                "führen ein team",
                                                "führung von",
                                                "dirigir un equipo",
                                                "dirigirás",
                                                "gestionar un equipo",
                                                "liderar un equipo",
                                                "encadrer",
                                                "encadrement d'une équipe",
                                                "manager une équipe",
                                                "management d'une équipe",
                                                "gérer une équipe",
                                                "gestire un team",
                                                "guidare un team",
                                                "leidinggeven",
                                                "leiding geven"})) {
    return Seniority::kLead;
  }
  if (!min_years) return std::nullopt;
  if (*min_years < 2) return Seniority::kJunior;
  if (*min_years < 5) return Seniority::kMid;
  return Seniority::kSenior;
}

std::optional<EmploymentType> EmploymentTypeOf(std::string_view t, const CueIndex& l) {
  static const CueSet kInternTitle{"intern",    "internship", "praktikant*", "praktikum", "stage",
                                   "stagiaire", "becari*",    "tirocin*",    "stagiair"};
  static const CueSet kContractTitle{"freelance", "contract", "contractor",
                                     "temp",      "interim",  "cdd"};
  static const TitleAndPosting kContract{"contract role",
                                         "contract position",
                                         "month contract",
                                         "months contract",
                                         "contract (w2)",
                                         "w2 contract",
                                         "contract w2",
                                         "c2c",
                                         "corp-to-corp",
                                         "independent contractor",
                                         "as a contractor",
                                         "contractor role",
                                         "1099 contractor",
                                         "freelance role",
                                         "freelance position",
                                         "freelance basis",
                                         "freelance contract",
                                         "freelance mission",
                                         "en freelance",
                                         "statut freelance",
                                         "freiberuf*",
                                         "cdd",
                                         "befristet*",
                                         "temporary",
                                         "temp-to-hire",
                                         "fixed-term",
                                         "fixed term",
                                         "contrato temporal",
                                         "contrato por obra",
                                         "tjm",
                                         "contrat de mission",
                                         "job type: contract",
                                         "job type: temporary",
                                         "outside ir35",
                                         "inside ir35",
                                         "day rate",
                                         "interim",
                                         "zeitvertrag",
                                         "(contract)",
                                         "- contract",
                                         "– contract",
                                         "contract-to-hire",
                                         "contract to hire",
                                         "mission freelance"};
  static const TitleAndPosting kPartTime{"part-time",       "part time",     "teilzeit",
                                         "media jornada",   "temps partiel", "tiempo parcial",
                                         "werkstudent*",    "minijob",       "tempo parziale",
                                         "deeltijd",        "meio período",  "job type: part-time",
                                         "jornada parcial", "hrs/week",      "hours per week",
                                         "hours/week",      "std./woche"};
  static const TitleAndPosting kFullTime{"full-time",
                                         "full time",
                                         "fulltime",
                                         "vollzeit",
                                         "jornada completa",
                                         "temps plein",
                                         "temps complet",
                                         "tiempo completo",
                                         "100 %",
                                         "100%",
                                         "cdi",
                                         "permanent",
                                         "indefinido",
                                         "unbefristet",
                                         "tempo pieno",
                                         "voltijd",
                                         "tempo integral",
                                         "job type: full-time",
                                         "40 hours"};
  static const CueSet kPartTimeTitle{"part-time", "part time", "teilzeit", "media jornada",
                                     "werkstudent*"};
  static const CueSet kFullTimeTitle{"full-time", "full time", "vollzeit", "100 %", "100%"};
  if (HasAnyCue(t, kInternTitle) ||
      HasAnyCue(l, {"this internship", "internship program*", "summer internship",
                    "paid internship", "internship position", "pflichtpraktikum", "praktikum (",
                    "dein praktikum", "ihr praktikum", "de prácticas", "en prácticas",
                    "prácticas profesionales", "beca de", "convenio de prácticas", "stage de",
                    "stage d'", "convention de stage", "tirocinio", "job type: internship"})) {
    return EmploymentType::kInternship;
  }
  if (HasAnyCue(t, kContractTitle) || kContract.In(t, l)) {
    return EmploymentType::kContract;
  }
  const bool part = kPartTime.In(t, l);
  const bool full = kFullTime.In(t, l);
  if (part && full) {
    // "Full-time and part-time shifts available": several types offered equally.
    if (HasAnyCue(l, {"full-time and part-time", "full-time or part-time",
                      "full time and part time", "full time or part time", "full-time & part-time",
                      "part-time and full-time", "part-time or full-time", "vollzeit oder teilzeit",
                      "teilzeit oder vollzeit", "voll- oder teilzeit", "voll- und teilzeit"})) {
      return std::nullopt;
    }
    // Hours under 35 with "100%" elsewhere would be odd; the title says it best.
    if (HasAnyCue(t, kPartTimeTitle)) return EmploymentType::kPartTime;
    if (HasAnyCue(t, kFullTimeTitle)) return EmploymentType::kFullTime;
    return HasAnyCue(l, {"werkstudent*", "teilzeit", "part-time", "media jornada"})
               ? EmploymentType::kPartTime
               : EmploymentType::kFullTime;
  }
  if (part) return EmploymentType::kPartTime;
  if (full) return EmploymentType::kFullTime;
  return std::nullopt;
}

std::optional<Workplace> WorkplaceOf(std::string_view t, const CueIndex& l) {
  static const TitleAndPosting kFullyRemote{"fully remote",
                                            "100% remote",
                                            "100 % remote",
                                            "remote-first",
                                            "remote first",
                                            "full remote",
                                            "full-remote",
                                            "100% télétravail",
                                            "100 % télétravail",
                                            "télétravail complet",
                                            "télétravail total",
                                            "100% teletrabajo",
                                            "100 % teletrabajo",
                                            "teletrabajo 100",
                                            "100% homeoffice",
                                            "100 % homeoffice",
                                            "vollständig remote",
                                            "komplett remote",
                                            "remote-only",
                                            "work from anywhere",
                                            "100% remoto",
                                            "totalmente remoto",
                                            "(remote)",
                                            "remote within",
                                            "remote position",
                                            "remote role",
                                            "this is a remote",
                                            "is fully remote",
                                            "work from home position",
                                            "remote –",
                                            "remote -",
                                            "· remote",
                                            "location: remote",
                                            "remote, ",
                                            "remote (",
                                            "en remoto",
                                            "à distance",
                                            "full-time remote",
                                            "remote job",
                                            "remote in",
                                            "remote anywhere",
                                            "work remotely"};
  static const TitleAndPosting kHybridHints{"hybrid",         "hybride",
                                            "híbrido",        "ibrido",
                                            "days in office", "days in the office",
                                            "days a week in", "days per week in",
                                            "days on-site",   "days onsite"};
  static const TitleAndPosting kFullyRemoteFirst{"fully remote", "100% remote", "remote-first",
                                                 "remote first", "full remote"};
  static const TitleAndPosting kHybrid{"hybrid",
                                       "hybride",
                                       "híbrido",
                                       "hibrido",
                                       "ibrido",
                                       "days in office",
                                       "days in the office",
                                       "days a week in",
                                       "days per week in",
                                       "days on-site",
                                       "days onsite",
                                       "days on site",
                                       "days from the office",
                                       "work from office",
                                       "tage mobiles arbeiten",
                                       "mobiles arbeiten",
                                       "tage homeoffice",
                                       "homeoffice-tage",
                                       "tage im homeoffice",
                                       "jours de télétravail",
                                       "jours télétravail",
                                       "télétravail partiel",
                                       "télétravail possible",
                                       "días de teletrabajo",
                                       "teletrabajo parcial",
                                       "días en remoto",
                                       "days remote",
                                       "days from home",
                                       "flexible working",
                                       "remote days",
                                       "homeoffice",
                                       "home office",
                                       "télétravail",
                                       "teletrabajo",
                                       "smart working"};
  static const TitleAndPosting kSplitHints{
      "hybrid", "hybride",          "híbrido", "ibrido",  "days",     "tage",    "jours",
      "días",   "mobiles arbeiten", "partiel", "parcial", "flexible", "possible"};
  static const TitleAndPosting kRemoteWords{"télétravail", "teletrabajo", "remote", "homeoffice"};
  static const TitleAndPosting kRemote{"remote"};
  static const TitleAndPosting kNotRemote{"no remote", "not remote", "non-remote",
                                          "remote work is not"};
  static const TitleAndPosting kOnsite{
      "on-site",      "onsite",       "on site",     "in person",   "in-person",   "presencial",
      "sur site",     "sur place",    "vor ort",     "in office",   "in-office",   "office-based",
      "based in our", "field-based",  "field based", "on the road", "präsenz*",    "en présentiel",
      "présentiel",   "on campus",    "au siège",    "en campo",    "außendienst", "sur le terrain",
      "en planta",    "in the field", "presenziale", "op locatie"};
  static const TitleAndPosting kOnsiteWork{
      "hospital", "clinic",     "patient*",    "school",      "classroom",
      "kitchen",  "restaurant", "warehouse",   "workshop",    "construction site",
      "job site", "jobsite",    "plant",       "factory",     "shop floor",
      "store",    "pharmacy",   "driver",      "driving",     "route",
      "forklift", "welding",    "electrician", "krankenhaus", "klinik",
      "station",  "baustelle",  "werkstatt",   "lager",       "küche",
      "fahrer",   "hôpital",    "atelier",     "cuisine",     "chantier",
      "entrepôt", "hospital",   "cocina",      "almacén",     "obra",
      "taller",   "tienda",     "lkw",         "camion",      "camión",
      "montage",  "fertigung",  "produktion",  "usine",       "fábrica",
      "planta",   "talleres"};
  if (kFullyRemote.In(t, l)) {
    if (!kHybridHints.In(t, l) || kFullyRemoteFirst.In(t, l)) {
      return Workplace::kRemote;
    }
  }
  if (kHybrid.In(t, l)) {
    // A bare "Homeoffice"/"télétravail"/"teletrabajo" without days: fully remote only when the
    // posting says so above; otherwise a split.
    if (!kSplitHints.In(t, l) && kRemoteWords.In(t, l)) {
      return Workplace::kRemote;
    }
    return Workplace::kHybrid;
  }
  if (kRemote.In(t, l) && !kNotRemote.In(t, l)) {
    return Workplace::kRemote;
  }
  if (kOnsite.In(t, l)) {
    return Workplace::kOnsite;
  }
  // Work that cannot be done from home.
  if (kOnsiteWork.In(t, l)) {
    return Workplace::kOnsite;
  }
  return std::nullopt;
}

}  // namespace jc::parsing::job
