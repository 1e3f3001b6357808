#ifndef JIXIAO_CNCURSESW_SHIM_H
#define JIXIAO_CNCURSESW_SHIM_H
/* SwiftPM drops ncursesw.pc's -D_XOPEN_SOURCE flags, so turn the wide API on here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* Swift imports neither macros nor variadic C functions, and touching curses globals from
 * Swift 6 is a concurrency error: these accessors are the whole surface jixiao uses. */

/* Loads the terminfo entry for $TERM for output on fd. 0 on success, else the error code
 * setupterm reports (-1: no terminfo database, 0: unknown terminal, 1: hardcopy). */
static inline int jx_setupterm(int fd) {
    int error = 1;
    if (setupterm(NULL, fd, &error) == OK) return 0;
    return error == 1 ? 1 : (error == 0 ? -2 : -1);
}

/* A string capability, or NULL when absent or cancelled (tigetstr's (char *)-1 and NULL). */
static inline const char *jx_tigetstr(const char *capname) {
    char *value = tigetstr((char *)capname);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/* A numeric capability, or -1 when absent. */
static inline int jx_tigetnum(const char *capname) {
    int value = tigetnum((char *)capname);
    return value < 0 ? -1 : value;
}

/* A boolean capability. */
static inline int jx_tigetflag(const char *capname) {
    return tigetflag((char *)capname) > 0;
}

/* tiparm with one or two integer parameters. */
static inline const char *jx_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline const char *jx_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }

/* The curses macros COLORS and COLOR_PAIRS are only set by start_color; jixiao reads the
 * same numbers from terminfo (colors, pairs) without taking over the screen. */
static inline int jx_terminfo_colors(void) { return jx_tigetnum("colors"); }
static inline int jx_terminfo_pairs(void) { return jx_tigetnum("pairs"); }

/* The window size of the terminal on fd: 0 on success. */
static inline int jx_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* The locale's character set after setlocale (nl_langinfo(CODESET)). */
static inline const char *jx_codeset(void) { return nl_langinfo(CODESET); }

/* setlocale(LC_ALL, "") with the macro resolved. */
static inline const char *jx_setlocale_from_environment(void) { return setlocale(LC_ALL, ""); }
#endif
