# Warnings are errors for our own code; third-party headers come in as SYSTEM includes.
set(JC_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion
    -Wimplicit-fallthrough -Werror
    # g++ 12 flags every field a designated initializer leaves to its default; those defaults
    # are the point of the option structs (FieldSpec, Operation, ServerOptions).
    -Wno-missing-field-initializers
    # g++ 12 at -O3 reports impossible overlaps inside std::string's own operator+ (GCC bug
    # 105329), a false positive in the standard library, not in our code.
    -Wno-restrict
    # g++ 12 pairs Asio's coroutine-frame operator new/delete wrongly under the sanitizers
    # (a known false positive for class-specific allocation of coroutine frames).
    -Wno-mismatched-new-delete)

if(JC_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  # The sanitizers' instrumentation makes g++ 12 report -Wmaybe-uninitialized for the inactive
  # alternative of variants moved out of coroutines (boost::system::result<void, Error>) and
  # inside libstdc++'s <regex>: false positives. The Release build keeps the warning as an
  # error, where it is reliable.
  list(APPEND JC_WARNINGS -Wno-maybe-uninitialized)
  add_link_options(-fsanitize=address,undefined)
endif()
