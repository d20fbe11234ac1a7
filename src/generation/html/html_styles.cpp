#include "generation/html/html_styles.hpp"

#include <string_view>

namespace jc::generation {
namespace {

constexpr std::string_view kBase = R"css(*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:2rem 2.5rem;color:#1a1a1a;line-height:1.4;font-size:10.5pt}
header{margin-bottom:1rem}
h1{margin:0;font-size:24pt;font-weight:700;letter-spacing:.01em}
.headline{margin:.2rem 0 .4rem;font-size:12pt}
.contact{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 0}
.contact li:not(:last-child)::after{content:"\00b7";margin:0 .5rem}
.contact a{color:inherit;text-decoration:none}
h2{font-size:11.5pt;margin:1.1rem 0 .4rem;padding-bottom:.15rem}
.entry{margin:0 0 .7rem;break-inside:avoid-page}
.entry-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
h3{margin:0;font-size:10.5pt;font-weight:700}
.dates{white-space:nowrap;font-size:10pt}
.sub{margin:0 0 .2rem;font-style:italic}
p{margin:.2rem 0;overflow-wrap:anywhere}
ul{margin:.2rem 0 .3rem;padding-left:1.2rem}
li{margin:.1rem 0;overflow-wrap:anywhere}
h2,h3{break-after:avoid-page}
.letter p{margin:0 0 .8rem}
.letter .recipient,.letter .date{margin-bottom:1rem}
@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
)css";

constexpr std::string_view kClassic =
    R"css(body{font-family:"DejaVu Serif","Liberation Serif",Georgia,"Times New Roman",serif}
header{text-align:center}
.contact{justify-content:center}
h2{text-transform:uppercase;letter-spacing:.08em;border-bottom:.5pt solid #333}
.dates{color:#333}
)css";

constexpr std::string_view kModern =
    R"css(body{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif}
h1,h2{color:#0f5e63}
h2{font-size:12pt;border-bottom:1.5pt solid #0f5e63}
.headline{color:#444}
.dates,.sub{color:#555}
)css";

}  // namespace

std::string HtmlStyles(const RenderOptions& options) {
  std::string css(kBase);
  css += options.template_id == TemplateId::kModern ? kModern : kClassic;
  css += options.page_size == PageSize::kLetter ? "@page{size:Letter;margin:18mm}\n"
                                                : "@page{size:A4;margin:18mm}\n";
  return css;
}

}  // namespace jc::generation
