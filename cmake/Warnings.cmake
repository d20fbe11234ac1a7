# Warnings are errors for our own code; third-party headers come in as SYSTEM includes.
set(JC_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wnull-dereference
    -Wimplicit-fallthrough -Werror
    # g++ 12 flags every field a designated initializer leaves to its default; those defaults
    # are the point of the option structs (FieldSpec, Operation, ServerOptions).
    -Wno-missing-field-initializers)

if(JC_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
