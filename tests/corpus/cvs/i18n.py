"""Localised strings, month names and date formatting for the synthetic CV corpus."""

MONTHS_ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split(),
    "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
    "pl": "sty lut mar kwi maj cze lip sie wrz paź lis gru".split(),
}
MONTHS_FULL = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "pl": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień".split(),
}
PRESENT = {
    "en": ["Present", "present", "Current", "Now"],
    "de": ["heute", "dato", "jetzt"],
    "fr": ["aujourd'hui", "présent", "ce jour"],
    "es": ["actualidad", "presente", "la fecha"],
    "pt": ["atual", "presente", "o momento"],
    "it": ["oggi", "in corso", "presente"],
    "nl": ["heden", "nu"],
    "pl": ["obecnie", "nadal"],
}
SINCE = {"en": "Since", "de": "seit", "fr": "depuis", "es": "desde", "pt": "desde",
         "it": "dal", "nl": "sinds", "pl": "od"}

HEADINGS = {
    "summary": {
        "en": ["Profile", "Summary", "Professional Summary", "About Me"],
        "de": ["Profil", "Kurzprofil", "Über mich"],
        "fr": ["Profil", "Résumé", "À propos"],
        "es": ["Perfil", "Perfil profesional", "Sobre mí"],
        "pt": ["Perfil", "Resumo profissional", "Sobre mim"],
        "it": ["Profilo", "Profilo professionale", "Chi sono"],
        "nl": ["Profiel", "Over mij"],
        "pl": ["Profil", "O mnie"],
    },
    "experience": {
        "en": ["Experience", "Work Experience", "Professional Experience", "Employment History"],
        "de": ["Berufserfahrung", "Beruflicher Werdegang", "Berufliche Erfahrung"],
        "fr": ["Expérience professionnelle", "Expériences professionnelles", "Parcours professionnel"],
        "es": ["Experiencia laboral", "Experiencia profesional"],
        "pt": ["Experiência profissional", "Experiência"],
        "it": ["Esperienza professionale", "Esperienze lavorative"],
        "nl": ["Werkervaring", "Loopbaan"],
        "pl": ["Doświadczenie zawodowe"],
    },
    "education": {
        "en": ["Education", "Education & Training", "Academic Background"],
        "de": ["Ausbildung", "Bildungsweg", "Studium und Ausbildung"],
        "fr": ["Formation", "Formation et diplômes", "Diplômes"],
        "es": ["Formación académica", "Educación", "Formación"],
        "pt": ["Formação académica", "Formação"],
        "it": ["Istruzione e formazione", "Formazione"],
        "nl": ["Opleiding", "Opleidingen"],
        "pl": ["Wykształcenie"],
    },
    "skills": {
        "en": ["Skills", "Technical Skills", "Core Competencies", "Key Skills"],
        "de": ["Kenntnisse", "Fähigkeiten", "Fachkenntnisse", "Kompetenzen"],
        "fr": ["Compétences", "Compétences techniques"],
        "es": ["Habilidades", "Competencias", "Conocimientos"],
        "pt": ["Competências", "Habilidades"],
        "it": ["Competenze", "Competenze tecniche"],
        "nl": ["Vaardigheden", "Competenties"],
        "pl": ["Umiejętności"],
    },
    "soft": {
        "en": ["Soft Skills", "Personal Skills", "Strengths"],
        "de": ["Soziale Kompetenzen", "Persönliche Stärken"],
        "fr": ["Savoir-être", "Qualités personnelles"],
        "es": ["Habilidades blandas", "Competencias personales"],
        "pt": ["Competências pessoais", "Soft skills"],
        "it": ["Competenze trasversali", "Soft skills"],
        "nl": ["Persoonlijke vaardigheden", "Soft skills"],
        "pl": ["Umiejętności miękkie"],
    },
    "languages": {
        "en": ["Languages"], "de": ["Sprachen", "Sprachkenntnisse"], "fr": ["Langues"],
        "es": ["Idiomas"], "pt": ["Idiomas", "Línguas"], "it": ["Lingue", "Conoscenze linguistiche"],
        "nl": ["Talen", "Talenkennis"], "pl": ["Języki obce", "Języki"],
    },
    "certifications": {
        "en": ["Certifications", "Licenses & Certifications", "Certificates"],
        "de": ["Zertifikate", "Weiterbildungen & Zertifikate"],
        "fr": ["Certifications", "Certificats"], "es": ["Certificaciones", "Cursos y certificaciones"],
        "pt": ["Certificações", "Certificados"], "it": ["Certificazioni"],
        "nl": ["Certificaten", "Certificeringen"], "pl": ["Certyfikaty", "Kursy i certyfikaty"],
    },
    "projects": {
        "en": ["Projects", "Selected Projects"], "de": ["Projekte", "Ausgewählte Projekte"],
        "fr": ["Projets"], "es": ["Proyectos"], "pt": ["Projetos"], "it": ["Progetti"],
        "nl": ["Projecten"], "pl": ["Projekty"],
    },
    "contact": {
        "en": ["Contact", "Contact Details"], "de": ["Kontakt", "Persönliche Daten"],
        "fr": ["Contact", "Coordonnées"], "es": ["Contacto", "Datos de contacto"],
        "pt": ["Contacto", "Contato"], "it": ["Contatti"], "nl": ["Contact", "Contactgegevens"],
        "pl": ["Kontakt", "Dane kontaktowe"],
    },
}

WORDS = {
    "grade": {"en": "Grade", "de": "Note", "fr": "Mention", "es": "Nota", "pt": "Classificação",
              "it": "Voto", "nl": "Cijfer", "pl": "Ocena"},
    "tech": {"en": "Technologies", "de": "Technologien", "fr": "Technologies", "es": "Tecnologías",
             "pt": "Tecnologias", "it": "Tecnologie", "nl": "Technologieën", "pl": "Technologie"},
    "email": {"en": "Email", "de": "E-Mail", "fr": "E-mail", "es": "Correo", "pt": "E-mail",
              "it": "E-mail", "nl": "E-mail", "pl": "E-mail"},
    "phone": {"en": "Phone", "de": "Telefon", "fr": "Tél.", "es": "Teléfono", "pt": "Telefone",
              "it": "Telefono", "nl": "Telefoon", "pl": "Telefon"},
    "address": {"en": "Address", "de": "Anschrift", "fr": "Adresse", "es": "Dirección", "pt": "Morada",
                "it": "Indirizzo", "nl": "Adres", "pl": "Adres"},
    "cv": {"en": "Curriculum Vitae", "de": "Lebenslauf", "fr": "Curriculum Vitae", "es": "Currículum Vitae",
           "pt": "Curriculum Vitae", "it": "Curriculum Vitae", "nl": "Curriculum Vitae", "pl": "Życiorys"},
    "page": {"en": "Page", "de": "Seite", "fr": "Page", "es": "Página", "pt": "Página", "it": "Pagina",
             "nl": "Pagina", "pl": "Strona"},
    "at": {"en": "at", "de": "bei", "fr": "chez", "es": "en", "pt": "na", "it": "presso", "nl": "bij", "pl": "w"},
    "issued": {"en": "issued", "de": "ausgestellt", "fr": "délivré", "es": "expedido", "pt": "emitido",
               "it": "rilasciato", "nl": "uitgereikt", "pl": "wydany"},
}

# How the CV names a language, keyed by the English name that the gold uses.
LANG_NAMES = {
    "English": {"en": "English", "de": "Englisch", "fr": "Anglais", "es": "Inglés", "pt": "Inglês", "it": "Inglese", "nl": "Engels", "pl": "Angielski"},
    "German": {"en": "German", "de": "Deutsch", "fr": "Allemand", "es": "Alemán", "pt": "Alemão", "it": "Tedesco", "nl": "Duits", "pl": "Niemiecki"},
    "French": {"en": "French", "de": "Französisch", "fr": "Français", "es": "Francés", "pt": "Francês", "it": "Francese", "nl": "Frans", "pl": "Francuski"},
    "Spanish": {"en": "Spanish", "de": "Spanisch", "fr": "Espagnol", "es": "Español", "pt": "Espanhol", "it": "Spagnolo", "nl": "Spaans", "pl": "Hiszpański"},
    "Portuguese": {"en": "Portuguese", "de": "Portugiesisch", "fr": "Portugais", "es": "Portugués", "pt": "Português", "it": "Portoghese", "nl": "Portugees", "pl": "Portugalski"},
    "Italian": {"en": "Italian", "de": "Italienisch", "fr": "Italien", "es": "Italiano", "pt": "Italiano", "it": "Italiano", "nl": "Italiaans", "pl": "Włoski"},
    "Dutch": {"en": "Dutch", "de": "Niederländisch", "fr": "Néerlandais", "es": "Neerlandés", "pt": "Neerlandês", "it": "Olandese", "nl": "Nederlands", "pl": "Niderlandzki"},
    "Polish": {"en": "Polish", "de": "Polnisch", "fr": "Polonais", "es": "Polaco", "pt": "Polaco", "it": "Polacco", "nl": "Pools", "pl": "Polski"},
    "Russian": {"en": "Russian", "de": "Russisch", "fr": "Russe", "es": "Ruso", "pt": "Russo", "it": "Russo", "nl": "Russisch", "pl": "Rosyjski"},
    "Turkish": {"en": "Turkish", "de": "Türkisch", "fr": "Turc", "es": "Turco", "pt": "Turco", "it": "Turco", "nl": "Turks", "pl": "Turecki"},
    "Arabic": {"en": "Arabic", "de": "Arabisch", "fr": "Arabe", "es": "Árabe", "pt": "Árabe", "it": "Arabo", "nl": "Arabisch", "pl": "Arabski"},
    "Mandarin Chinese": {"en": "Mandarin Chinese", "de": "Chinesisch (Mandarin)", "fr": "Chinois (mandarin)", "es": "Chino mandarín", "pt": "Mandarim", "it": "Cinese mandarino", "nl": "Mandarijn", "pl": "Chiński (mandaryński)"},
    "Japanese": {"en": "Japanese", "de": "Japanisch", "fr": "Japonais", "es": "Japonés", "pt": "Japonês", "it": "Giapponese", "nl": "Japans", "pl": "Japoński"},
    "Hindi": {"en": "Hindi", "de": "Hindi", "fr": "Hindi", "es": "Hindi", "pt": "Hindi", "it": "Hindi", "nl": "Hindi", "pl": "Hindi"},
    "Tamil": {"en": "Tamil", "de": "Tamil", "fr": "Tamoul", "es": "Tamil", "pt": "Tâmil", "it": "Tamil", "nl": "Tamil", "pl": "Tamilski"},
    "Yoruba": {"en": "Yoruba", "de": "Yoruba", "fr": "Yoruba", "es": "Yoruba", "pt": "Iorubá", "it": "Yoruba", "nl": "Yoruba", "pl": "Joruba"},
    "Danish": {"en": "Danish", "de": "Dänisch", "fr": "Danois", "es": "Danés", "pt": "Dinamarquês", "it": "Danese", "nl": "Deens", "pl": "Duński"},
    "Swedish": {"en": "Swedish", "de": "Schwedisch", "fr": "Suédois", "es": "Sueco", "pt": "Sueco", "it": "Svedese", "nl": "Zweeds", "pl": "Szwedzki"},
    "Catalan": {"en": "Catalan", "de": "Katalanisch", "fr": "Catalan", "es": "Catalán", "pt": "Catalão", "it": "Catalano", "nl": "Catalaans", "pl": "Kataloński"},
    "Korean": {"en": "Korean", "de": "Koreanisch", "fr": "Coréen", "es": "Coreano", "pt": "Coreano", "it": "Coreano", "nl": "Koreaans", "pl": "Koreański"},
    "Ukrainian": {"en": "Ukrainian", "de": "Ukrainisch", "fr": "Ukrainien", "es": "Ucraniano", "pt": "Ucraniano", "it": "Ucraino", "nl": "Oekraïens", "pl": "Ukraiński"},
    "Vietnamese": {"en": "Vietnamese", "de": "Vietnamesisch", "fr": "Vietnamien", "es": "Vietnamita", "pt": "Vietnamita", "it": "Vietnamita", "nl": "Vietnamees", "pl": "Wietnamski"},
}

YEAR_ONLY_STYLES = ("year", "yy")


def fmt_date(d, style, lang):
    """One date ('YYYY-MM' or 'YYYY') as the CV writes it."""
    if d is None:
        return ""
    y = d[:4]
    if len(d) == 4 or style in YEAR_ONLY_STYLES:
        return y
    m = int(d[5:7])
    if style == "mon":
        return f"{MONTHS_ABBR[lang][m - 1]} {y}"
    if style == "month":
        name = MONTHS_FULL[lang][m - 1]
        if lang in ("es", "pt"):
            return f"{name} de {y}"
        return f"{name} {y}"
    if style == "num":
        return f"{m:02d}/{y}"
    if style == "dot":
        return f"{m:02d}.{y}"
    if style == "iso":
        return f"{y}-{m:02d}"
    if style == "since":  # month shown numerically
        return f"{m:02d}/{y}"
    raise ValueError(style)


def fmt_range(start, end, current, style, lang, sep=" – ", present_idx=0):
    a = fmt_date(start, style, lang)
    if current:
        if style == "since":
            return f"{SINCE[lang]} {a}"
        b = PRESENT[lang][present_idx % len(PRESENT[lang])]
    else:
        b = fmt_date(end, style, lang)
        if style == "yy" and a and b and a[:2] == b[:2] and len(a) == 4 and len(b) == 4:
            b = b[2:]
    if not a:
        return b
    return f"{a}{sep}{b}"


def gold_date(d, style):
    if d is None:
        return None
    if style in YEAR_ONLY_STYLES:
        return d[:4]
    return d
