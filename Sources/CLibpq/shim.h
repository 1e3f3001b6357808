// libpq, PostgreSQL's C client library (Debian: libpq-dev). The header lives in
// /usr/include/postgresql; naming the directory here avoids needing pkg-config flags.
#include <postgresql/libpq-fe.h>
