#include "parsing/cv/city_regions.hpp"

#include <string>
#include <unordered_map>
#include <utility>

#include "nlp/text_normalize.hpp"

namespace jc::parsing {
namespace {

struct CountryCities {
  std::string_view region;  // ISO 3166-1 alpha-2
  // '|' between names, as nlp::NormalizeTerm folds them (lower case, "-" as " "); accented
  // names also without their accents, as CVs typed on an English keyboard spell them.
  std::string_view cities;
};

// A name under several countries is looked up in this order: the likelier country of a shared
// name comes first ("london": GB, then CA; "cordoba": ES, then AR).
constexpr CountryCities kCities[] = {
    {"GB",
     "london|manchester|birmingham|leeds|glasgow|edinburgh|liverpool|bristol|sheffield|"
     "newcastle|newcastle upon tyne|nottingham|leicester|cardiff|belfast|southampton|"
     "portsmouth|brighton|oxford|cambridge|coventry|reading|aberdeen|york|bath|norwich|exeter|"
     "plymouth|swansea|derby|milton keynes|bradford|wolverhampton|stoke on trent|hull|"
     "sunderland|dundee|inverness|luton|bournemouth|salford|canterbury|chester|lancaster|"
     "preston|middlesbrough|ipswich|peterborough|gloucester|cheltenham|guildford|croydon|"
     "watford|slough|stockport|bolton|wigan|huddersfield|warrington"},
    {"IE", "dublin|cork|galway|limerick|waterford|kilkenny|drogheda|dundalk|athlone|sligo|wexford"},
    {"US",
     "new york|new york city|nyc|los angeles|chicago|houston|phoenix|philadelphia|san antonio|"
     "san diego|dallas|austin|jacksonville|san francisco|columbus|fort worth|indianapolis|"
     "charlotte|seattle|denver|washington|boston|el paso|nashville|detroit|oklahoma city|"
     "portland|las vegas|memphis|louisville|baltimore|milwaukee|albuquerque|tucson|fresno|"
     "sacramento|kansas city|atlanta|miami|raleigh|omaha|minneapolis|cleveland|tampa|orlando|"
     "pittsburgh|cincinnati|st louis|saint louis|new orleans|salt lake city|honolulu|anchorage|"
     "buffalo|richmond|boise|des moines|madison|spokane|brooklyn|oakland|san jose|palo alto|"
     "mountain view|cambridge|birmingham"},
    {"CA",
     "toronto|montreal|montréal|vancouver|calgary|edmonton|ottawa|winnipeg|quebec|québec|"
     "quebec city|hamilton|kitchener|waterloo|halifax|victoria|saskatoon|regina|mississauga|"
     "laval|gatineau|sherbrooke|london|st john's|moncton|fredericton|mirabel"},
    {"DE",
     "berlin|hamburg|münchen|munchen|muenchen|munich|köln|koln|koeln|cologne|frankfurt|"
     "frankfurt am main|stuttgart|düsseldorf|dusseldorf|duesseldorf|dortmund|essen|leipzig|"
     "bremen|dresden|hannover|hanover|nürnberg|nurnberg|nuernberg|nuremberg|duisburg|bochum|"
     "wuppertal|bielefeld|bonn|münster|munster|muenster|karlsruhe|mannheim|augsburg|wiesbaden|"
     "mainz|kiel|aachen|freiburg|freiburg im breisgau|heidelberg|regensburg|würzburg|wurzburg|"
     "wuerzburg|potsdam|rostock|erfurt|magdeburg|halle|kassel|braunschweig|chemnitz|"
     "saarbrücken|saarbrucken|saarbruecken|ulm|ingolstadt|darmstadt|oldenburg|osnabrück|"
     "osnabruck|osnabrueck|lübeck|lubeck|luebeck|göttingen|gottingen|goettingen|jena|wolfsburg|"
     "paderborn|heilbronn|offenbach|gelsenkirchen|mönchengladbach|monchengladbach|krefeld|"
     "oberhausen|hagen|leverkusen|solingen|trier|koblenz"},
    {"AT",
     "wien|vienna|graz|linz|salzburg|innsbruck|klagenfurt|villach|wels|sankt pölten|"
     "sankt polten|st. pölten|st. polten|dornbirn|bregenz|leoben|steyr"},
    {"CH",
     "zürich|zurich|zuerich|genève|geneve|geneva|genf|basel|bâle|bale|bern|berne|lausanne|"
     "luzern|lucerne|lugano|winterthur|st. gallen|sankt gallen|biel|bienne|thun|zug|fribourg|"
     "freiburg im üechtland|freiburg im uechtland|neuchâtel|neuchatel|schaffhausen|chur|sion|"
     "aarau"},
    {"FR",
     "paris|marseille|lyon|toulouse|nice|nantes|strasbourg|montpellier|bordeaux|lille|rennes|"
     "reims|le havre|saint étienne|saint etienne|toulon|grenoble|dijon|angers|nîmes|nimes|"
     "villeurbanne|clermont ferrand|le mans|aix en provence|brest|tours|amiens|limoges|annecy|"
     "perpignan|metz|besançon|besancon|orléans|orleans|rouen|mulhouse|caen|nancy|avignon|"
     "poitiers|la rochelle|pau|cannes|antibes|versailles|boulogne billancourt|nanterre|"
     "saint denis|argenteuil|montreuil|vannes|lorient|quimper|valence|chambéry|chambery|"
     "bayonne|calais|dunkerque|colmar|troyes"},
    {"BE",
     "bruxelles|brussel|brussels|antwerpen|anvers|antwerp|gent|gand|ghent|charleroi|liège|"
     "liege|luik|brugge|bruges|namur|namen|leuven|louvain|mons|mechelen|malines|aalst|hasselt|"
     "kortrijk|courtrai|ostende|oostende|ottignies|wavre"},
    {"LU", "luxembourg|luxemburg|esch sur alzette|differdange|dudelange"},
    {"NL",
     "amsterdam|rotterdam|den haag|the hague|'s gravenhage|utrecht|eindhoven|groningen|tilburg|"
     "almere|breda|nijmegen|apeldoorn|haarlem|arnhem|enschede|amersfoort|zaanstad|den bosch|"
     "'s hertogenbosch|hertogenbosch|zwolle|leiden|maastricht|dordrecht|zoetermeer|delft|"
     "deventer|alkmaar|leeuwarden|hilversum|amstelveen|venlo|schiedam"},
    {"ES",
     "madrid|barcelona|valencia|sevilla|seville|zaragoza|málaga|malaga|murcia|palma|"
     "palma de mallorca|las palmas|las palmas de gran canaria|bilbao|alicante|córdoba|cordoba|"
     "valladolid|vigo|gijón|gijon|a coruña|a coruna|la coruña|la coruna|coruña|coruna|granada|"
     "vitoria|vitoria gasteiz|elche|oviedo|santa cruz de tenerife|pamplona|iruña|iruna|"
     "santander|san sebastián|san sebastian|donostia|donostia / san sebastián|"
     "donostia / san sebastian|salamanca|burgos|cádiz|cadiz|tarragona|girona|lleida|logroño|"
     "logrono|badajoz|huelva|almería|almeria|león|leon|toledo|cáceres|caceres|marbella|"
     "santiago de compostela|castellón|castellon|jaén|jaen"},
    {"PT",
     "lisboa|lisbon|porto|oporto|braga|coimbra|funchal|aveiro|faro|setúbal|setubal|amadora|"
     "almada|guimarães|guimaraes|viseu|leiria|évora|evora|matosinhos|vila nova de gaia|sintra|"
     "cascais"},
    {"IT",
     "roma|rome|milano|milan|napoli|naples|torino|turin|palermo|genova|genoa|bologna|firenze|"
     "florence|bari|catania|venezia|venice|verona|messina|padova|padua|trieste|taranto|brescia|"
     "parma|prato|modena|reggio calabria|reggio emilia|perugia|livorno|ravenna|cagliari|foggia|"
     "rimini|salerno|ferrara|sassari|latina|bergamo|monza|pescara|trento|bolzano|vicenza|"
     "novara|piacenza|ancona|udine|lecce|como|pisa|siena|fornovo di taro"},
    {"PL",
     "warszawa|warsaw|kraków|krakow|cracow|łódź|lodz|wrocław|wroclaw|poznań|poznan|gdańsk|"
     "gdansk|szczecin|bydgoszcz|lublin|białystok|bialystok|katowice|gdynia|częstochowa|"
     "czestochowa|radom|toruń|torun|sosnowiec|rzeszów|rzeszow|kielce|gliwice|olsztyn|opole|"
     "zielona góra|zielona gora|sopot"},
    {"BR",
     "são paulo|sao paulo|rio de janeiro|brasília|brasilia|salvador|fortaleza|belo horizonte|"
     "manaus|curitiba|recife|porto alegre|belém|belem|goiânia|goiania|guarulhos|campinas|"
     "são luís|sao luis|maceió|maceio|natal|florianópolis|florianopolis|vitória|vitoria|santos|"
     "niterói|niteroi|ribeirão preto|ribeirao preto|joinville|londrina|uberlândia|uberlandia"},
    {"MX",
     "ciudad de méxico|ciudad de mexico|cdmx|mexico city|guadalajara|monterrey|puebla|tijuana|"
     "león|leon|juárez|juarez|ciudad juárez|ciudad juarez|zapopan|mérida|merida|cancún|cancun|"
     "querétaro|queretaro|san luis potosí|san luis potosi|aguascalientes|hermosillo|chihuahua|"
     "morelia|saltillo|toluca|culiacán|culiacan|veracruz|oaxaca"},
    {"AR",
     "buenos aires|córdoba|cordoba|rosario|mendoza|la plata|mar del plata|"
     "san miguel de tucumán|san miguel de tucuman|tucumán|tucuman|salta|santa fe|neuquén|"
     "neuquen|bahía blanca|bahia blanca"},
    {"CO",
     "bogotá|bogota|medellín|medellin|cali|barranquilla|cartagena|bucaramanga|pereira|"
     "manizales|santa marta|cúcuta|cucuta|ibagué|ibague"},
    {"CL",
     "santiago|santiago de chile|valparaíso|valparaiso|viña del mar|vina del mar|concepción|"
     "concepcion|antofagasta|temuco|la serena|rancagua|puerto montt"},
    {"PE", "lima|arequipa|trujillo|cusco|cuzco|chiclayo|piura|iquitos|huancayo"},
    {"IN",
     "mumbai|bombay|delhi|new delhi|bengaluru|bangalore|hyderabad|ahmedabad|chennai|madras|"
     "kolkata|calcutta|pune|surat|jaipur|lucknow|kanpur|nagpur|indore|bhopal|visakhapatnam|"
     "patna|vadodara|ludhiana|agra|nashik|kochi|cochin|coimbatore|thiruvananthapuram|"
     "trivandrum|gurgaon|gurugram|noida|chandigarh|mysuru|mysore|mangaluru|mangalore|goa|"
     "bhubaneswar|guwahati|ranchi"},
    {"CN",
     "beijing|shanghai|shenzhen|guangzhou|chengdu|hangzhou|wuhan|nanjing|tianjin|xi'an|xian|"
     "chongqing|suzhou|qingdao|dalian|xiamen|shenyang|harbin"},
    {"HK", "hong kong"},
    {"TW", "taipei"},
    {"JP",
     "tokyo|tōkyō|osaka|ōsaka|yokohama|nagoya|sapporo|kobe|kyoto|fukuoka|kawasaki|sendai|"
     "hiroshima"},
    {"KR", "seoul|busan|incheon|daegu|daejeon"},
    {"SG", "singapore"},
    {"AU",
     "sydney|melbourne|brisbane|perth|adelaide|canberra|gold coast|newcastle|hobart|darwin|"
     "wollongong|geelong|cairns|townsville"},
    {"NZ", "auckland|wellington|christchurch|hamilton|dunedin|tauranga|palmerston north|napier"},
    {"ZA",
     "johannesburg|cape town|durban|pretoria|port elizabeth|gqeberha|bloemfontein|east london|"
     "soweto|stellenbosch"},
    {"NG", "lagos|abuja|ibadan|kano|port harcourt|benin city|enugu|kaduna"},
    {"KE", "nairobi|mombasa|kisumu|nakuru|eldoret"},
    {"AE", "dubai|abu dhabi|sharjah|ajman|al ain"},
    {"DK", "københavn|kobenhavn|copenhagen|aarhus|århus|arhus|odense|aalborg|esbjerg"},
    {"SE",
     "stockholm|göteborg|goteborg|gothenburg|malmö|malmo|uppsala|västerås|vasteras|örebro|"
     "orebro|linköping|linkoping|lund"},
    {"NO", "oslo|bergen|trondheim|stavanger|drammen|tromsø|tromso"},
    {"FI", "helsinki|helsingfors|espoo|tampere|vantaa|oulu|turku|åbo|abo"},
    {"CZ", "praha|prague|brno|ostrava|plzeň|plzen|olomouc|liberec"},
};

using Index = std::unordered_map<std::string_view, std::vector<std::string_view>>;

const Index& CityIndex() {
  static const Index kIndex = [] {
    Index index;
    for (const auto& country : kCities) {
      std::string_view list = country.cities;
      while (!list.empty()) {
        const auto cut = list.find('|');
        index[list.substr(0, cut)].push_back(country.region);
        list = cut == std::string_view::npos ? std::string_view{} : list.substr(cut + 1);
      }
    }
    return index;
  }();
  return kIndex;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// "Montréal (Québec)" -> "Montréal", "Dublin 8" -> "Dublin", "Lyon 3e" -> "Lyon".
std::string_view CityName(std::string_view place) {
  if (const auto paren = place.find('('); paren != std::string_view::npos) {
    place = place.substr(0, paren);
  }
  while (!place.empty() && place.back() == ' ') place.remove_suffix(1);
  while (!place.empty() && place.front() == ' ') place.remove_prefix(1);
  const auto space = place.rfind(' ');
  if (space == std::string_view::npos) return place;
  auto district = place.substr(space + 1);
  if (district.ends_with("er")) district.remove_suffix(2);
  if (district.ends_with("e")) district.remove_suffix(1);
  if (!district.empty() && district.size() <= 2 && IsDigit(district.front()) &&
      IsDigit(district.back())) {
    place = place.substr(0, space);
  }
  return place;
}

}  // namespace

std::vector<std::string_view> RegionsOfCity(std::string_view place) {
  place = CityName(place);
  if (place.empty() || place.size() > 60) return {};
  const auto& index = CityIndex();
  const auto it = index.find(nlp::NormalizeTerm(place).folded);
  return it == index.end() ? std::vector<std::string_view>{} : it->second;
}

}  // namespace jc::parsing
