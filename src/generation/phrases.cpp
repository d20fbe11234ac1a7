#include "generation/phrases.hpp"

namespace jc::generation {
namespace {

constexpr LetterFrames kEnProfessional{
    .salutation = "Dear Hiring Manager,",
    .subject = "Application for {role}",
    .any_subject = "Application",
    .role_phrase = "the {role} position",
    .any_role_phrase = "the advertised position",
    .any_company = "your company",
    .hiring_team = "Hiring team",
    .opening = "I am writing to apply for {role_phrase} at {company}.",
    .intro_years = "I am {article} {title} with {years} years of professional experience.",
    .intro = "I am {article} {title}.",
    .latest = "Most recently, I have worked at {company}.",
    .before = "Before that, I worked {roles}.",
    .role_at = "as {title} at {company}",
    .asks = "Your posting asks for {skills}.",
    .evidence_verb = "As {title} at {company}, I {bullet}",
    .evidence_plain = "One result from my time at {company}: {bullet}",
    .evidence_again = "There, I also {bullet}",
    .evidence_again_plain = "Also at {company}: {bullet}",
    .evidence_named = "At {company}, I also {bullet}",
    .current_role = "In my current role at {company}: {description}",
    .more_skills = "My skills also include {skills}, which are relevant to this role.",
    .soft_skills = "Beyond technical work, I bring {skills} to a team.",
    .degree = "I hold {article} {degree} from {institution}.",
    .certification = "I also hold the following certification: {name}.",
    .languages = "I speak {languages}.",
    .based_in = "I am based in {location}.",
    .motivation =
        "I am confident that this experience will let me contribute to {company} from the start.",
    .closing_paragraph =
        "I would welcome the opportunity to discuss how my experience can support your team. "
        "Thank you for your time and consideration.",
    .closing = "Kind regards,",
    .conjunction = "and",
};

constexpr LetterFrames kEnEnthusiastic{
    .salutation = "Dear Hiring Team,",
    .subject = "Application for {role}",
    .any_subject = "Application",
    .role_phrase = "the {role} position",
    .any_role_phrase = "the advertised position",
    .any_company = "your team",
    .hiring_team = "Hiring team",
    .opening =
        "I was excited to see {role_phrase} at {company}, and I would love to bring my "
        "experience to your team.",
    .intro_years = "I am {article} {title} with {years} years of hands-on experience.",
    .intro = "I am {article} {title}.",
    .latest = "Most recently, I have worked at {company}.",
    .before = "Before that, I worked {roles}.",
    .role_at = "as {title} at {company}",
    .asks = "Your posting asks for {skills}, and this is exactly the kind of work I enjoy.",
    .evidence_verb = "As {title} at {company}, I {bullet}",
    .evidence_plain = "A result I am proud of from my time at {company}: {bullet}",
    .evidence_again = "There, I also {bullet}",
    .evidence_again_plain = "Also at {company}: {bullet}",
    .evidence_named = "At {company}, I also {bullet}",
    .current_role = "In my current role at {company}: {description}",
    .more_skills = "I also bring {skills}, and I am eager to put them to work for you.",
    .soft_skills = "People I work with count on my {skills}.",
    .degree = "I hold {article} {degree} from {institution}.",
    .certification = "I also hold the following certification: {name}.",
    .languages = "I speak {languages}.",
    .based_in = "I am based in {location}.",
    .motivation = "I can't wait to bring this experience to {company} and to learn from your team.",
    .closing_paragraph =
        "I would be thrilled to talk about how I can help your team succeed. Thank you very "
        "much for considering my application.",
    .closing = "Best regards,",
    .conjunction = "and",
};

constexpr LetterFrames kEnConcise{
    .salutation = "Dear Hiring Manager,",
    .subject = "Application for {role}",
    .any_subject = "Application",
    .role_phrase = "the {role} position",
    .any_role_phrase = "the advertised position",
    .any_company = "your company",
    .hiring_team = "Hiring team",
    .opening = "I am applying for {role_phrase} at {company}.",
    .intro_years = "I am {article} {title} with {years} years of experience.",
    .intro = "I am {article} {title}.",
    .latest = "Most recently, I have worked at {company}.",
    .before = "Before that, I worked {roles}.",
    .role_at = "as {title} at {company}",
    .asks = "You are looking for {skills}.",
    .evidence_verb = "As {title} at {company}, I {bullet}",
    .evidence_plain = "At {company}: {bullet}",
    .evidence_again = "There, I also {bullet}",
    .evidence_again_plain = "Also at {company}: {bullet}",
    .evidence_named = "At {company}, I also {bullet}",
    .current_role = "",
    .more_skills = "My skills also include {skills}.",
    .soft_skills = "I bring {skills} to a team.",
    .degree = "I hold {article} {degree} from {institution}.",
    .certification = "I also hold the following certification: {name}.",
    .languages = "I speak {languages}.",
    .based_in = "I am based in {location}.",
    .motivation = "",
    .closing_paragraph = "I would welcome a conversation about this role. Thank you for your time.",
    .closing = "Kind regards,",
    .conjunction = "and",
};

constexpr LetterFrames kDeProfessional{
    .salutation = "Sehr geehrte Damen und Herren,",
    .subject = "Bewerbung als {role}",
    .any_subject = "Bewerbung",
    .role_phrase = "die Stelle als {role}",
    .any_role_phrase = "die ausgeschriebene Stelle",
    .any_company = "Ihr Unternehmen",
    .hiring_team = "Personalabteilung",
    .opening = "hiermit bewerbe ich mich um {role_phrase} bei {company}.",
    .intro_years = "Ich bin {title} mit {years} Jahren Berufserfahrung.",
    .intro = "Ich bin {title}.",
    .latest = "Zuletzt war ich bei {company} tätig.",
    .before = "Davor war ich {roles} tätig.",
    .role_at = "als {title} bei {company}",
    .asks = "In Ihrer Ausschreibung nennen Sie {skills}.",
    .evidence_verb =
        "Als {title} bei {company} habe ich unter anderem Folgendes erreicht: {bullet}",
    .evidence_plain = "Ein Ergebnis meiner Zeit bei {company}: {bullet}",
    .evidence_again = "Ebenfalls bei {company}: {bullet}",
    .evidence_again_plain = "Ebenfalls bei {company}: {bullet}",
    .evidence_named = "Bei {company} außerdem: {bullet}",
    .current_role = "Meine aktuelle Aufgabe bei {company}: {description}",
    .more_skills = "Darüber hinaus bringe ich Kenntnisse in {skills} mit.",
    .soft_skills = "In ein Team bringe ich außerdem {skills} ein.",
    .degree = "Mein Studium habe ich mit dem Abschluss {degree} abgeschlossen ({institution}).",
    .certification = "Außerdem besitze ich folgendes Zertifikat: {name}.",
    .languages = "Ich spreche {languages}.",
    .based_in = "Ich lebe in {location}.",
    .motivation =
        "Ich bin überzeugt, dass ich mit dieser Erfahrung schnell zum Erfolg von {company} "
        "beitragen kann.",
    .closing_paragraph =
        "Über die Gelegenheit zu einem persönlichen Gespräch freue ich mich sehr. Vielen Dank "
        "für Ihre Zeit.",
    .closing = "Mit freundlichen Grüßen",
    .conjunction = "und",
};

constexpr LetterFrames kDeEnthusiastic{
    .salutation = "Sehr geehrte Damen und Herren,",
    .subject = "Bewerbung als {role}",
    .any_subject = "Bewerbung",
    .role_phrase = "die Stelle als {role}",
    .any_role_phrase = "die ausgeschriebene Stelle",
    .any_company = "Ihr Team",
    .hiring_team = "Personalabteilung",
    .opening =
        "mit großer Freude habe ich Ihre Ausschreibung für {role_phrase} bei {company} "
        "gelesen, und ich möchte meine Erfahrung sehr gern in Ihr Team einbringen.",
    .intro_years = "Ich bin {title} mit {years} Jahren praktischer Erfahrung.",
    .intro = "Ich bin {title}.",
    .latest = "Zuletzt war ich bei {company} tätig.",
    .before = "Davor war ich {roles} tätig.",
    .role_at = "als {title} bei {company}",
    .asks = "In Ihrer Ausschreibung nennen Sie {skills}, genau die Arbeit, die mir Freude macht.",
    .evidence_verb =
        "Als {title} bei {company} habe ich unter anderem Folgendes erreicht: {bullet}",
    .evidence_plain = "Ein Ergebnis, auf das ich bei {company} stolz bin: {bullet}",
    .evidence_again = "Ebenfalls bei {company}: {bullet}",
    .evidence_again_plain = "Ebenfalls bei {company}: {bullet}",
    .evidence_named = "Bei {company} außerdem: {bullet}",
    .current_role = "Meine aktuelle Aufgabe bei {company}: {description}",
    .more_skills =
        "Außerdem bringe ich Kenntnisse in {skills} mit, die ich gern bei Ihnen "
        "einsetze.",
    .soft_skills = "In ein Team bringe ich außerdem {skills} ein.",
    .degree = "Mein Studium habe ich mit dem Abschluss {degree} abgeschlossen ({institution}).",
    .certification = "Außerdem besitze ich folgendes Zertifikat: {name}.",
    .languages = "Ich spreche {languages}.",
    .based_in = "Ich lebe in {location}.",
    .motivation =
        "Ich freue mich darauf, diese Erfahrung bei {company} einzubringen und von Ihrem Team zu "
        "lernen.",
    .closing_paragraph =
        "Ich würde mich sehr freuen, Ihnen in einem Gespräch zu zeigen, wie ich "
        "Ihr Team unterstützen kann. Herzlichen Dank für Ihre Zeit.",
    .closing = "Mit herzlichen Grüßen",
    .conjunction = "und",
};

constexpr LetterFrames kDeConcise{
    .salutation = "Sehr geehrte Damen und Herren,",
    .subject = "Bewerbung als {role}",
    .any_subject = "Bewerbung",
    .role_phrase = "die Stelle als {role}",
    .any_role_phrase = "die ausgeschriebene Stelle",
    .any_company = "Ihr Unternehmen",
    .hiring_team = "Personalabteilung",
    .opening = "hiermit bewerbe ich mich um {role_phrase} bei {company}.",
    .intro_years = "Ich bin {title} mit {years} Jahren Berufserfahrung.",
    .intro = "Ich bin {title}.",
    .latest = "Zuletzt war ich bei {company} tätig.",
    .before = "Davor war ich {roles} tätig.",
    .role_at = "als {title} bei {company}",
    .asks = "Sie suchen {skills}.",
    .evidence_verb =
        "Als {title} bei {company} habe ich unter anderem Folgendes erreicht: {bullet}",
    .evidence_plain = "Bei {company}: {bullet}",
    .evidence_again = "Ebenfalls bei {company}: {bullet}",
    .evidence_again_plain = "Ebenfalls bei {company}: {bullet}",
    .evidence_named = "Bei {company} außerdem: {bullet}",
    .current_role = "",
    .more_skills = "Außerdem bringe ich Kenntnisse in {skills} mit.",
    .soft_skills = "In ein Team bringe ich außerdem {skills} ein.",
    .degree = "Mein Studium habe ich mit dem Abschluss {degree} abgeschlossen ({institution}).",
    .certification = "Außerdem besitze ich folgendes Zertifikat: {name}.",
    .languages = "Ich spreche {languages}.",
    .based_in = "Ich lebe in {location}.",
    .motivation = "",
    .closing_paragraph = "Über ein Gespräch freue ich mich. Vielen Dank für Ihre Zeit.",
    .closing = "Mit freundlichen Grüßen",
    .conjunction = "und",
};

}  // namespace

const LetterFrames& FramesFor(const Labels& labels, LetterTone tone) {
  const bool de = labels.language == "de";
  switch (tone) {
    case LetterTone::kProfessional:
      return de ? kDeProfessional : kEnProfessional;
    case LetterTone::kEnthusiastic:
      return de ? kDeEnthusiastic : kEnEnthusiastic;
    case LetterTone::kConcise:
      return de ? kDeConcise : kEnConcise;
  }
  return kEnProfessional;
}

std::string Fill(std::string_view frame,
                 const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  out.reserve(frame.size() + 64);
  for (std::size_t i = 0; i < frame.size();) {
    if (frame[i] == '{') {
      const auto close = frame.find('}', i);
      if (close != std::string_view::npos) {
        const auto name = frame.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += frame[i++];
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? " " + std::string(conjunction) + " " : ", ";
    }
    out += items[i];
  }
  return out;
}

std::string_view IndefiniteArticle(std::string_view phrase) {
  if (phrase.empty()) return "a";
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const char first = phrase[0];
  // An initialism ("MBA", "M.Sc.", "HR manager") is read letter by letter.
  const bool initialism =
      phrase.size() > 1 && upper(first) && (upper(phrase[1]) || phrase[1] == '.');
  if (initialism) {
    return std::string_view("AEFHILMNORSX").find(first) != std::string_view::npos ? "an" : "a";
  }
  const char lower = static_cast<char>(first | 0x20);
  return std::string_view("aeiou").find(lower) != std::string_view::npos ? "an" : "a";
}

std::string ComposeSummary(const Labels& labels, std::string_view title, int years,
                           const std::vector<std::string>& skills) {
  const bool de = labels.language == "de";
  std::string out(title);
  if (years > 0) {
    out += de ? " mit " + std::to_string(years) + " Jahren Berufserfahrung."
              : " with " + std::to_string(years) + " years of professional experience.";
  } else {
    out += '.';
  }
  if (!skills.empty()) {
    out += de ? " Kenntnisse in " + JoinList(skills, "und") + "."
              : " Skilled in " + JoinList(skills, "and") + ".";
  }
  return out;
}

}  // namespace jc::generation
