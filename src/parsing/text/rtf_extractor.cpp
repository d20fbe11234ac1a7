#include "parsing/text/rtf_extractor.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

// Windows-1251 0x80-0xBF; 0xC0-0xFF is the contiguous Cyrillic alphabet.
constexpr std::array<char32_t, 64> kCp1251High = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};

// Destinations whose text is not document text.
constexpr std::array<std::string_view, 36> kSkippedDestinations = {
    "fonttbl",   "colortbl",     "info",       "pict",
    "object",    "objdata",      "themedata",  "colorschememapping",
    "datastore", "latentstyles", "listtable",  "listoverridetable",
    "rsidtbl",   "generator",    "xmlnsrtbl",  "mmathPr",
    "pgdsctbl",  "fldinst",      "bkmkstart",  "bkmkend",
    "shpinst",   "shppict",      "nonshppict", "pn",
    "xe",        "tc",           "userprops",  "docvar",
    "ftnsep",    "ftnsepc",      "aftnsep",    "aftnsepc",
    "revtbl",    "filetbl",      "footnote",   "annotation"};

struct GroupState {
  bool skip = false;
  bool stylesheet = false;
  bool bold = false;
  bool italic = false;
  bool caps = false;
  int uc = 1;
  LineRole role = LineRole::kBody;  // kHeader / kFooter inside those destinations
  bool in_table = false;
  bool list = false;
  int list_level = 0;
  int style = 0;
};

class RtfReader {
 public:
  RtfReader(std::string_view in, const ExtractLimits& limits)
      : in_(in), limits_(limits), builder_(limits.max_chars) {}

  Result<Document> Run() {
    while (pos_ < in_.size()) {
      char c = in_[pos_++];
      if (c == '{') {
        if (stack_.size() >= limits_.max_xml_depth) return TooLarge("groups nested too deeply");
        stack_.push_back(st_);
        skip_chars_ = 0;
      } else if (c == '}') {
        JC_RETURN_IF_ERROR(CloseGroup());
      } else if (c == '\\') {
        JC_RETURN_IF_ERROR(Control());
      } else if (c != '\r' && c != '\n') {
        Byte(static_cast<unsigned char>(c));
      }
    }
    JC_RETURN_IF_ERROR(FlushLine(false));
    doc_.kind = FileKind::kRtf;
    doc_.pages = page_;
    if (doc_.lines.empty()) return EmptyDocument();
    return std::move(doc_);
  }

 private:
  Status CloseGroup() {
    if (stack_.empty()) return {};  // an unbalanced '}' is ignored
    if (st_.stylesheet && stack_.size() == stylesheet_depth_ + 1) EndStyleEntry();
    if (st_.role != stack_.back().role) JC_RETURN_IF_ERROR(FlushLine(false));
    st_ = stack_.back();
    stack_.pop_back();
    skip_chars_ = 0;
    return {};
  }

  void EndStyleEntry() {
    std::string name = style_entry_;
    while (!name.empty() && (name.back() == ';' || name.back() == ' ')) name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (style_entry_num_ >= 0 && !name.empty()) style_names_[style_entry_num_] = name;
    style_entry_.clear();
    style_entry_num_ = 0;
  }

  bool Skipping() {
    if (st_.skip) return true;
    if (skip_chars_ > 0) {
      --skip_chars_;
      return true;
    }
    return false;
  }

  void Byte(unsigned char b) {
    if (st_.skip && st_.stylesheet && stack_.size() == stylesheet_depth_ + 1) {
      style_entry_.push_back(static_cast<char>(b));
      return;
    }
    if (Skipping()) return;
    if (b < 0x80 || codepage_ == 1252) return Char(Windows1252ToUnicode(b));
    if (codepage_ == 1251) return Char(b >= 0xC0 ? 0x0410 + (b - 0xC0u) : kCp1251High[b - 0x80u]);
    Char(b);
  }

  void Char(char32_t cp) {
    if (high_surrogate_ != 0) {
      char32_t high = high_surrogate_;
      high_surrogate_ = 0;
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00);
      } else {
        builder_.AppendCodepoint(kReplacementChar, st_.bold, st_.italic);
      }
    } else if (cp >= 0xD800 && cp <= 0xDBFF) {
      high_surrogate_ = cp;
      return;
    }
    if (st_.caps) cp = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    builder_.AppendCodepoint(cp, st_.bold, st_.italic);
  }

  Status Control() {
    if (pos_ >= in_.size()) return {};
    char c = in_[pos_];
    if (!IsLetter(c)) return Symbol();
    std::size_t start = pos_;
    while (pos_ < in_.size() && IsLetter(in_[pos_]) && pos_ - start < 32) ++pos_;
    std::string_view word = in_.substr(start, pos_ - start);
    bool has_param = false;
    bool negative = pos_ < in_.size() && in_[pos_] == '-';
    if (negative) ++pos_;
    long param = 0;
    for (int digits = 0; pos_ < in_.size() && IsDigit(in_[pos_]); ++pos_) {
      if (++digits <= 10) param = param * 10 + (in_[pos_] - '0');
      has_param = true;
    }
    if (negative) param = -param;
    if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_;
    int p = static_cast<int>(std::clamp<long>(param, -1'000'000'000, 1'000'000'000));
    return Word(word, has_param, p);
  }

  Status Symbol() {
    char c = in_[pos_++];
    switch (c) {
      case '\'': {
        if (pos_ + 2 > in_.size() || !IsHex(in_[pos_]) || !IsHex(in_[pos_ + 1])) return {};
        auto byte = static_cast<unsigned char>(Hex(in_[pos_]) * 16 + Hex(in_[pos_ + 1]));
        pos_ += 2;
        Byte(byte);
        return {};
      }
      case '\\':
      case '{':
      case '}':
        Byte(static_cast<unsigned char>(c));
        return {};
      case '~':
        if (!Skipping()) Char(0xA0);
        return {};
      case '_':
        if (!Skipping()) Char('-');
        return {};
      case '*':
        st_.skip = st_.skip || !stack_.empty();
        return {};
      case '\r':
      case '\n':
        return Word("par", false, 0);
      default:
        return {};
    }
  }

  Status Word(std::string_view w, bool has_param, int p) {
    if (w == "bin") {  // binary data: skip it whatever the state
      pos_ += std::min<std::size_t>(static_cast<std::size_t>(std::max(p, 0)), in_.size() - pos_);
      return {};
    }
    if (w == "stylesheet") {
      st_.skip = st_.stylesheet = true;
      stylesheet_depth_ = stack_.size();
      return {};
    }
    if (st_.stylesheet) {
      if (w == "s") style_entry_num_ = p;
      if (w == "cs" || w == "ds" || w == "ts") style_entry_num_ = -1;
      return {};
    }
    if (std::find(kSkippedDestinations.begin(), kSkippedDestinations.end(), w) !=
        kSkippedDestinations.end()) {
      st_.skip = true;
      return {};
    }
    if (w == "listtext" || w == "pntext") {
      st_.skip = true;
      paragraph_list_ = true;
      return {};
    }
    if (st_.skip) return {};
    if (skip_chars_ > 0) {
      --skip_chars_;
      return {};
    }
    return Formatting(w, has_param, p);
  }

  Status Formatting(std::string_view w, bool has_param, int p) {
    bool on = !has_param || p != 0;
    if (w == "par" || w == "sect") return EndParagraph();
    if (w == "page") {
      JC_RETURN_IF_ERROR(EndParagraph());
      if (++page_ > limits_.max_pages) return TooLarge("more pages than the configured maximum");
    } else if (w == "line") {
      return FlushLine(false);
    } else if (w == "cell" || w == "nestcell") {
      return FlushLine(true);
    } else if (w == "row" || w == "nestrow") {
      JC_RETURN_IF_ERROR(FlushLine(true));
      NextBlock();
    } else if (w == "u") {
      Char(static_cast<char32_t>(p < 0 ? p + 65536 : p));
      skip_chars_ = st_.uc;
    } else if (w == "uc") {
      st_.uc = std::clamp(p, 0, 10);
    } else if (IsHeaderFooter(w)) {
      JC_RETURN_IF_ERROR(FlushLine(false));
      st_.role = w[0] == 'h' ? LineRole::kHeader : LineRole::kFooter;
    } else if (w == "tab" || w == "emspace" || w == "enspace") {
      Char(' ');
    } else if (w == "emdash" || w == "endash" || w == "bullet") {
      Char(w == "emdash" ? 0x2014 : w == "endash" ? 0x2013 : 0x2022);
    } else if (w == "lquote" || w == "rquote" || w == "ldblquote" || w == "rdblquote") {
      Char(w == "lquote" ? 0x2018 : w == "rquote" ? 0x2019 : w == "ldblquote" ? 0x201C : 0x201D);
    } else if (w == "ansicpg") {
      SetCodepage(p);
    } else if (w == "mac" || w == "pc" || w == "pca") {
      SetCodepage(w == "mac" ? 10000 : w == "pc" ? 437 : 850);
    } else if (w == "b") {
      st_.bold = on;
    } else if (w == "i") {
      st_.italic = on;
    } else if (w == "caps") {
      st_.caps = on;
    } else if (w == "plain") {
      st_.bold = st_.italic = st_.caps = false;
    } else if (w == "pard") {
      st_.in_table = st_.list = false;
      st_.list_level = st_.style = 0;
    } else if (w == "intbl") {
      st_.in_table = true;
    } else if (w == "ls") {
      st_.list = true;
    } else if (w == "ilvl") {
      st_.list_level = std::clamp(p, 0, 8);
    } else if (w == "s") {
      st_.style = p;
    }
    return {};
  }

  void SetCodepage(int codepage) {
    codepage_ = codepage;
    if (codepage != 1252 && codepage != 1251)
      doc_.warnings.push_back("RTF code page " + std::to_string(codepage) +
                              " is read as Latin-1; some characters may be wrong");
  }

  Status EndParagraph() {
    JC_RETURN_IF_ERROR(FlushLine(st_.in_table));
    if (!st_.in_table) NextBlock();
    return {};
  }

  void NextBlock() {
    if (doc_.lines.size() > block_start_) {
      ++block_;
      block_start_ = doc_.lines.size();
    }
  }

  Status FlushLine(bool cell) {
    Line proto;
    proto.page = page_;
    proto.block = block_;
    auto style = style_names_.find(st_.style);
    std::string style_name = style == style_names_.end() ? "" : style->second;
    std::string folded = FoldCase(style_name);
    if (st_.role != LineRole::kBody) {
      proto.role = st_.role;
    } else if (cell || st_.in_table) {
      proto.role = LineRole::kTableCell;
    } else if (st_.list || paragraph_list_) {
      proto.role = LineRole::kListItem;
      proto.list_level = st_.list_level + 1;
    } else if (folded.starts_with("heading") || folded == "title") {
      proto.role = LineRole::kHeading;
    }
    style_name.erase(std::remove(style_name.begin(), style_name.end(), ' '), style_name.end());
    proto.style = std::move(style_name);
    paragraph_list_ = false;
    std::size_t before = doc_.lines.size();
    JC_RETURN_IF_ERROR(builder_.Flush(std::move(proto), doc_, BoldRule::kMajority));
    if (doc_.lines.size() > before) PromoteTypedBullet(doc_.lines.back());
    return {};
  }

  static bool IsHeaderFooter(std::string_view w) {
    for (std::string_view base : {"header", "footer"}) {
      if (!w.starts_with(base)) continue;
      std::string_view rest = w.substr(base.size());
      if (rest.empty() || rest == "l" || rest == "r" || rest == "f") return true;
    }
    return false;
  }
  static bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  static bool IsHex(char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  static int Hex(char c) { return IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

  std::string_view in_;
  std::size_t pos_ = 0;
  const ExtractLimits& limits_;
  LineBuilder builder_;
  Document doc_;
  GroupState st_;
  std::vector<GroupState> stack_;
  int skip_chars_ = 0;  // fallback characters still to skip after \uN
  char32_t high_surrogate_ = 0;
  int codepage_ = 1252;
  bool paragraph_list_ = false;
  int page_ = 1;
  int block_ = 0;
  std::size_t block_start_ = 0;
  std::size_t stylesheet_depth_ = 0;
  std::map<int, std::string> style_names_;
  std::string style_entry_;
  int style_entry_num_ = 0;
};

}  // namespace

Result<Document> ExtractRtf(std::string_view bytes, const ExtractLimits& limits) {
  return RtfReader(bytes, limits).Run();
}

}  // namespace jc::parsing
