// What a program built with exceptions off must give Boost (Boost.ThrowException): the function
// it calls where it would have thrown. apidecl's Asio code calls the error_code overloads only, so
// these are never reached; they abort rather than go on in a state nobody expects. Include this
// in exactly one translation unit of a test program.
#ifndef APIDECL_TESTS_SUPPORT_BOOST_WITHOUT_EXCEPTIONS_HPP
#define APIDECL_TESTS_SUPPORT_BOOST_WITHOUT_EXCEPTIONS_HPP

#include <boost/throw_exception.hpp>

#include <cstdlib>
#include <exception>

#ifdef BOOST_NO_EXCEPTIONS
namespace boost {
void throw_exception(std::exception const&) { std::abort(); }
void throw_exception(std::exception const&, boost::source_location const&) { std::abort(); }
}  // namespace boost
#endif

#endif
