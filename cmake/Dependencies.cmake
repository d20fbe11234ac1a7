# Every dependency is a Debian 12 package, installed by scripts/setup.sh.
find_package(Threads REQUIRED)
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
# poppler's core API (libpoppler-private-dev) reads PDF text; poppler-cpp is the benchmark's floor.
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
find_package(OpenSSL REQUIRED)  # the LLM client: HTTPS to the provider
find_package(ZLIB REQUIRED)  # tests: the hostile-file generators deflate their bombs

# Beast/Asio settings shared by every target that includes them.
add_library(jc_boost INTERFACE)
target_link_libraries(jc_boost INTERFACE Boost::headers Boost::json Boost::url Threads::Threads)
target_compile_definitions(jc_boost INTERFACE
  BOOST_ASIO_NO_DEPRECATED
  BOOST_ASIO_DISABLE_BOOST_COROUTINE)

# libphonenumber: the runtime library of Debian's libphonenumber8 with the headers of Debian's
# libphonenumber-dev, which scripts/setup.sh unpacks into build/deps/ (the -dev package cannot
# be installed beside Boost 1.81; see the script). Its headers need protobuf's and Abseil's.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h
  HINTS ${PROJECT_SOURCE_DIR}/build/deps/libphonenumber-dev/usr/include REQUIRED)
find_library(PHONENUMBER_LIBRARY NAMES libphonenumber.so.8 phonenumber REQUIRED)
pkg_check_modules(PROTOBUF REQUIRED IMPORTED_TARGET protobuf)
add_library(jc_phonenumber INTERFACE)
target_include_directories(jc_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(jc_phonenumber INTERFACE ${PHONENUMBER_LIBRARY} PkgConfig::PROTOBUF)
