#ifndef APIDECL_TESTS_CONFORMANCE_TABLE_HPP
#define APIDECL_TESTS_CONFORMANCE_TABLE_HPP

// A conformance table (cielo24.table, ondemand.table: the format is described at the top of each)
// read into rows, and the differences between the table's row of an endpoint and the row its
// descriptor renders (descriptor_row.hpp). Plain, non-template code: the templates only fill rows.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace conformance {

/// One parameter: where it goes, its name, its presence (`required`, `optional`, `fixed=V`,
/// `defaulted=V`) and its type (`string`, `hex`, `int`, `bool`, `list`, `json`, `enum:A|B`).
struct parameter_row {
  std::string where, name, presence, type;
};

/// One documented status (`404`) or range of them (`4xx`) and the kind of its body (`json`, `xml`,
/// `text`, `bytes`, `none`).
struct status_row {
  std::string code;
  std::string body;
};

/// One endpoint: what a table says of it, or what its descriptor declares.
struct endpoint_row {
  std::string name, method, path;
  std::string body = "none";  // the request body's kind
  std::vector<parameter_row> params;
  std::string exactly_one_of;  // the names of the parameters a call gives exactly one of
  std::vector<status_row> statuses;
  bool statuses_partial = false;  // the table lists some statuses; the descriptor may declare more
};

/// A table's rows, and what could not be read (a line and why).
struct table {
  std::vector<endpoint_row> rows;
  std::vector<std::string> problems;
};

namespace detail {
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Splits off the first word of `text`.
inline std::string next_word(std::string_view& text) {
  text = trim(text);
  std::size_t const end = std::min(text.find(' '), text.size());
  std::string word(text.substr(0, end));
  text.remove_prefix(end);
  text = trim(text);
  return word;
}
}  // namespace detail

/// Reads a table's text. A line that fits no shape is a problem, not skipped silently.
inline table read_table(std::string_view text) {
  table out;
  int number = 0;
  while (!text.empty()) {
    std::size_t const end = std::min(text.find('\n'), text.size());
    std::string_view const raw = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    std::string_view const whole = detail::trim(raw);
    if (whole.empty() || whole.front() == '#') continue;
    std::string_view line = whole;  // consumed word by word
    auto const problem = [&](std::string_view why) {
      out.problems.push_back("line " + std::to_string(number) + ": " + std::string(why) + ": " + std::string(whole));
    };
    bool const indented = raw.front() == ' ' || raw.front() == '\t';
    if (!indented) {
      endpoint_row row;
      row.name = detail::next_word(line);
      row.method = detail::next_word(line);
      row.path = detail::next_word(line);
      if (row.path.empty() || !line.empty()) problem("an endpoint line is `name METHOD path`");
      out.rows.push_back(std::move(row));
      continue;
    }
    if (out.rows.empty()) {
      problem("an indented line before any endpoint");
      continue;
    }
    endpoint_row& row = out.rows.back();
    std::string const first = detail::next_word(line);
    if (first == "note") continue;
    if (first == "statuses") {
      row.statuses_partial = detail::next_word(line) == "partial" && line.empty();
      if (!row.statuses_partial) problem("a statuses line is `statuses partial`");
      continue;
    }
    if (first == "body") {
      row.body = detail::next_word(line);
      if (row.body.empty() || !line.empty()) problem("a body line is `body KIND`");
    } else if (first == "status") {
      std::string const code = detail::next_word(line);
      std::string const kind = detail::next_word(line);
      auto const digit = [](char c) { return c >= '1' && c <= '5'; };
      bool const single = code.size() == 3 && digit(code[0]) &&
                          std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
      bool const range = code.size() == 3 && digit(code[0]) && code.substr(1) == "xx";
      if (!(single || range) || kind.empty() || !line.empty()) {
        problem("a status line is `status CODE KIND`, CODE being 100-599 or a range such as 4xx");
        continue;
      }
      row.statuses.push_back({code, kind});
    } else if (first == "one_of") {
      row.exactly_one_of = std::string(line);
      if (line.find(' ') == std::string_view::npos) problem("a one_of line names two parameters or more");
    } else if (first == "query" || first == "path" || first == "header") {
      std::string name = detail::next_word(line);
      std::string presence = detail::next_word(line);
      if (line.empty()) {
        problem("a parameter line is `WHERE NAME PRESENCE TYPE`");
        continue;
      }
      row.params.push_back({first, std::move(name), std::move(presence), std::string(line)});
    } else {
      problem("unknown line");
    }
  }
  return out;
}

/// Reads the table in the file `name` beside this header.
inline table read_table_file(std::string_view name) {
  std::string path = __FILE__;
  path.erase(path.find_last_of("/\\") + 1);
  path += name;
  std::ifstream file(path, std::ios::binary);
  if (!file) return {{}, {"cannot open " + path}};
  std::ostringstream text;
  text << file.rdbuf();
  return read_table(text.str());
}

/// Every difference between the table's row and the descriptor's, each naming the endpoint and the field.
inline std::vector<std::string> differences(endpoint_row const& documented, endpoint_row const& declared) {
  std::vector<std::string> out;
  auto const report = [&](std::string const& field, std::string const& table_says, std::string const& descriptor_says) {
    out.push_back(documented.name + ": " + field + ": the table says " + (table_says.empty() ? "nothing" : table_says) +
                  ", the descriptor " + (descriptor_says.empty() ? "nothing" : descriptor_says));
  };
  if (documented.method != declared.method) report("method", documented.method, declared.method);
  if (documented.path != declared.path) report("path", documented.path, declared.path);
  if (documented.body != declared.body) report("request body", documented.body, declared.body);

  auto const describe = [](parameter_row const* p) { return p ? p->where + " " + p->presence + " " + p->type : std::string(); };
  auto const find = [](std::vector<parameter_row> const& params, std::string const& name) -> parameter_row const* {
    auto const it = std::find_if(params.begin(), params.end(), [&](parameter_row const& p) { return p.name == name; });
    return it == params.end() ? nullptr : &*it;
  };
  for (parameter_row const& p : documented.params) {
    parameter_row const* const other = find(declared.params, p.name);
    if (describe(other) != describe(&p)) report("parameter " + p.name, describe(&p), describe(other));
  }
  for (parameter_row const& p : declared.params)
    if (!find(documented.params, p.name)) report("parameter " + p.name, "", describe(&p));

  if (documented.exactly_one_of != declared.exactly_one_of)
    report("exactly one of", documented.exactly_one_of, declared.exactly_one_of);

  auto const body_of = [](std::vector<status_row> const& statuses, std::string const& code) {
    auto const it = std::find_if(statuses.begin(), statuses.end(), [&](status_row const& s) { return s.code == code; });
    return it == statuses.end() ? std::string() : it->body;
  };
  for (status_row const& s : documented.statuses)
    if (body_of(declared.statuses, s.code) != s.body) report("status " + s.code, s.body, body_of(declared.statuses, s.code));
  for (status_row const& s : declared.statuses)
    if (!documented.statuses_partial && body_of(documented.statuses, s.code).empty()) report("status " + s.code, "", s.body);
  return out;
}

/// Every difference between a table and a catalog's rendered descriptors, including an endpoint
/// one has and the other has not.
inline std::vector<std::string> compare(table const& documented, std::vector<endpoint_row> const& declared) {
  std::vector<std::string> out = documented.problems;
  auto const find = [](std::vector<endpoint_row> const& rows, std::string const& name) -> endpoint_row const* {
    auto const it = std::find_if(rows.begin(), rows.end(), [&](endpoint_row const& r) { return r.name == name; });
    return it == rows.end() ? nullptr : &*it;
  };
  for (auto row = documented.rows.begin(); row != documented.rows.end(); ++row)
    if (std::any_of(documented.rows.begin(), row, [&](endpoint_row const& r) { return r.name == row->name; }))
      out.push_back(row->name + ": twice in the table");
  for (endpoint_row const& row : documented.rows) {
    if (endpoint_row const* const descriptor = find(declared, row.name)) {
      std::vector<std::string> const found = differences(row, *descriptor);
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(row.name + ": in the table, but no descriptor of that name");
    }
  }
  for (endpoint_row const& row : declared)
    if (!find(documented.rows, row.name)) out.push_back(row.name + ": a descriptor the table does not document");
  return out;
}

}  // namespace conformance

#endif
