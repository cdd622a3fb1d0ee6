// Compares XML documents as parsed trees, so that tests can hold a body to a documented example
// without caring about indentation.
#ifndef APIDECL_TESTS_SUPPORT_XML_TREE_HPP
#define APIDECL_TESTS_SUPPORT_XML_TREE_HPP

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace test_support {

inline std::string describe(pugi::xml_node node) {
  return std::string(node.type() == pugi::node_element ? "<" : "text ") +
         (node.type() == pugi::node_element ? node.name() : node.value()) +
         (node.type() == pugi::node_element ? ">" : "");
}

// The first difference between two parsed trees: element names, attributes, text and child order.
// Empty if they are the same. Whitespace between elements is not part of either tree.
inline std::string tree_difference(pugi::xml_node a, pugi::xml_node b, std::string const& path) {
  if (a.type() != b.type() || std::string_view(a.name()) != b.name() || std::string_view(a.value()) != b.value())
    return path + ": " + describe(a) + " != " + describe(b);
  pugi::xml_attribute x = a.first_attribute(), y = b.first_attribute();
  for (; x && y; x = x.next_attribute(), y = y.next_attribute())
    if (std::string_view(x.name()) != y.name() || std::string_view(x.value()) != y.value())
      return path + ": attribute " + x.name() + "=" + x.value() + " != " + y.name() + "=" + y.value();
  if (x || y) return path + ": attribute counts differ";
  pugi::xml_node c = a.first_child(), d = b.first_child();
  for (; c && d; c = c.next_sibling(), d = d.next_sibling()) {
    std::string difference = tree_difference(c, d, path + "/" + c.name());
    if (!difference.empty()) return difference;
  }
  if (c) return path + ": unexpected " + describe(c);
  if (d) return path + ": missing " + describe(d);
  return {};
}

// The first difference between the trees `actual` and `expected` parse to; both must parse.
inline std::string same_tree_as(std::string_view actual, std::string_view expected) {
  pugi::xml_document a, b;
  INFO(actual);
  REQUIRE(a.load_buffer(actual.data(), actual.size()));
  REQUIRE(b.load_buffer(expected.data(), expected.size()));
  return tree_difference(a, b, "");
}

}  // namespace test_support

#endif
