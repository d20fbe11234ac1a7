#include "parsing/docx/odt_styles.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace jc::parsing {
namespace {

constexpr int kMaxChain = 16;

std::string Key(std::string_view family, std::string_view name) {
  std::string key(family);
  key.push_back(':');
  key.append(name);
  return key;
}

FormatSpec ReadTextProperties(pugi::xml_node props) {
  FormatSpec spec;
  if (!props) return spec;
  if (const pugi::xml_attribute weight = props.attribute("fo:font-weight")) {
    const std::string_view value = weight.value();
    spec.bold = value == "bold" || std::atoi(weight.value()) >= 600;
  }
  if (const pugi::xml_attribute style = props.attribute("fo:font-style")) {
    const std::string_view value = style.value();
    spec.italic = value == "italic" || value == "oblique";
  }
  if (const pugi::xml_attribute transform = props.attribute("fo:text-transform")) {
    spec.caps = std::string_view(transform.value()) == "uppercase";
  }
  if (const pugi::xml_attribute size = props.attribute("fo:font-size")) {
    const std::string_view value = size.value();
    const double points = std::atof(size.value());
    if (value.ends_with("pt") && points > 0 && points < 2000) {
      spec.font_size = static_cast<float>(points);
    }
  }
  return spec;
}

}  // namespace

void OdtStyles::Add(pugi::xml_node container, bool automatic) {
  for (pugi::xml_node node : container.children("style:default-style")) {
    if (std::string_view(node.attribute("style:family").value()) == "paragraph") {
      defaults_.Overlay(ReadTextProperties(node.child("style:text-properties")));
    }
  }
  for (pugi::xml_node node : container.children("style:style")) {
    Raw raw;
    raw.automatic = automatic;
    const std::string_view name = node.attribute("style:name").value();
    const std::string_view family = node.attribute("style:family").value();
    raw.parent = node.attribute("style:parent-style-name").value();
    raw.style.name = node.attribute("style:display-name").value();
    if (raw.style.name.empty()) raw.style.name = name;
    if (const pugi::xml_attribute level = node.attribute("style:default-outline-level")) {
      raw.has_outline = true;
      raw.style.outline_level = level.as_int(0);
    }
    raw.style.break_before =
        std::string_view(
            node.child("style:paragraph-properties").attribute("fo:break-before").value()) ==
        "page";
    raw.style.format = ReadTextProperties(node.child("style:text-properties"));
    raw_.insert_or_assign(Key(family, name), std::move(raw));
  }
}

void OdtStyles::Resolve() {
  for (const auto& [key, start] : raw_) {
    const std::string family = key.substr(0, key.find(':'));
    std::vector<const Raw*> chain;
    for (const Raw* at = &start; at != nullptr && chain.size() < kMaxChain;) {
      chain.push_back(at);
      const auto next = at->parent.empty() ? raw_.end() : raw_.find(Key(family, at->parent));
      at = next == raw_.end() ? nullptr : &next->second;
    }
    OdtStyle style = start.style;
    style.format = FormatSpec{};
    const auto named =
        std::find_if(chain.begin(), chain.end(), [](const Raw* at) { return !at->automatic; });
    style.name = named == chain.end() ? std::string() : (*named)->style.name;
    bool outline_known = false;
    for (const Raw* at : chain) {
      if (!outline_known && at->has_outline) {
        style.outline_level = at->style.outline_level;
        outline_known = true;
      }
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      style.format.Overlay((*it)->style.format);
    resolved_.insert_or_assign(key, std::move(style));
  }
}

const OdtStyle* OdtStyles::Find(std::string_view family, std::string_view name) const {
  if (name.empty()) return nullptr;
  const auto it = resolved_.find(Key(family, name));
  return it == resolved_.end() ? nullptr : &it->second;
}

}  // namespace jc::parsing
