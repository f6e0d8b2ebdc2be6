/*
 * gdload: load a folder of report files (PDF, DOCX, DOC, HTML, text in
 * UTF-8, UTF-16 or GB18030) into govdisclose.documents.
 *
 *   gdload [-h HOST] [-p PORT] [-U USER] [-d DBNAME|CONNINFO] [-j N] PATH...
 *   gdload --text FILE
 *   gdload --dry-run PATH...
 *
 * Every file is converted in a forked child with CPU and memory limits, so a
 * converter that crashes or loops on a hostile file costs that file only.
 * Up to N children run at once; the parent reads their texts, loads them with
 * COPY in file order (so document ids follow the paths) and shows progress.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "convert.h"
#include "load.h"

#define GDLOAD_VERSION "1.0"
#define MIB (1024.0 * 1024.0)
#define EXIT_UNREADABLE 1
#define EXIT_USAGE 2
#define MAX_JOBS 64

typedef struct
{
	char	   *path;
	off_t		size;
	int			done;
	conversion_status status;
	doc_format	format;
	char	   *detail;			/* why it is unreadable */
	buffer		text;			/* held until its turn to be loaded */
} file_entry;

typedef struct
{
	file_entry *items;
	size_t		count;
	size_t		cap;
	double		total_bytes;
} file_list;

typedef struct
{
	pid_t		pid;			/* 0: free */
	int			fd;				/* -1 once the child closed it: it is exiting */
	size_t		file;
	buffer		received;
	double		started;
} worker;

typedef struct
{
	int			jobs;
	int			show_progress;
	unsigned	cpu_seconds;
	unsigned	wall_seconds;
	conversion_limits limits;
} run_options;

/* What a child sends ahead of the text. */
typedef struct
{
	uint8_t		status;
	uint8_t		format;
	uint16_t	detail_len;
} child_header;

/* SIGINT or SIGTERM: stop converting, kill the converters, keep what is loaded */
static volatile sig_atomic_t interrupted;

static void
on_interrupt(int signo)
{
	interrupted = signo;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
checked_realloc(void *p, size_t size)
{
	void	   *q = realloc(p, size);

	if (q == NULL)
	{
		fputs("gdload: out of memory\n", stderr);
		exit(EXIT_USAGE);
	}
	return q;
}

static char *
checked_strdup(const char *s)
{
	size_t		size = strlen(s) + 1;

	return memcpy(checked_realloc(NULL, size), s, size);
}

/* ---------- the files to load ---------- */

static file_entry *
add_file(file_list *list, const char *path, off_t size)
{
	file_entry *f;

	if (list->count == list->cap)
	{
		list->cap = list->cap ? list->cap * 2 : 256;
		list->items = checked_realloc(list->items, list->cap * sizeof(file_entry));
	}
	f = &list->items[list->count++];
	memset(f, 0, sizeof(*f));
	f->path = checked_strdup(path);
	f->size = size;
	list->total_bytes += (double) size;
	return f;
}

static void
free_files(file_list *list)
{
	for (size_t i = 0; i < list->count; i++)
	{
		free(list->items[i].path);
		free(list->items[i].detail);
		buffer_free(&list->items[i].text);
	}
	free(list->items);
}

static void
mark_unreadable(file_entry *f, conversion_status status, const char *detail)
{
	f->done = 1;
	f->status = status;
	f->detail = checked_strdup(detail);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* A folder is walked recursively in name order; links to folders are not followed (no cycles). */
static void
walk(file_list *list, const char *path, int top)
{
	struct stat st;
	DIR		   *dir;
	struct dirent *entry;
	char	  **names = NULL;
	size_t		count = 0;

	if ((top ? stat(path, &st) : lstat(path, &st)) != 0)
	{
		mark_unreadable(add_file(list, path, 0), UNREADABLE_IO, strerror(errno));
		return;
	}
	if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))
	{
		add_file(list, path, st.st_size);
		return;
	}
	if (S_ISREG(st.st_mode))
	{
		add_file(list, path, st.st_size);
		return;
	}
	if (!S_ISDIR(st.st_mode))
		return;
	dir = opendir(path);
	if (dir == NULL)
	{
		mark_unreadable(add_file(list, path, 0), UNREADABLE_IO, strerror(errno));
		return;
	}
	while ((entry = readdir(dir)) != NULL)
	{
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		names = checked_realloc(names, (count + 1) * sizeof(char *));
		names[count] = checked_realloc(NULL, strlen(path) + strlen(entry->d_name) + 2);
		sprintf(names[count++], "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", entry->d_name);
	}
	closedir(dir);
	if (count > 1)
		qsort(names, count, sizeof(char *), by_name);
	for (size_t i = 0; i < count; i++)
	{
		walk(list, names[i], 0);
		free(names[i]);
	}
	free(names);
}

/* ---------- one conversion in a child process ---------- */

static void
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0)
	{
		ssize_t		n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(1);
		p += n;
		len -= (size_t) n;
	}
}

static void
limit_resource(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit limit = {soft, hard};

	setrlimit(resource, &limit);
}

/* Convert one file in a new child; returns its pid and the read end of its pipe. */
static pid_t
start_child(const char *path, int slot, const run_options *opt, int *read_fd)
{
	int			fds[2];
	pid_t		pid;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	pid = fork();
	if (pid < 0)
	{
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0)
	{
		conversion result;
		child_header header;
		size_t		detail_len;
		conversion_limits limits = opt->limits;
		char		profile[PATH_MAX];

		/* its own process group: a timeout kills LibreOffice or catdoc with it */
		setpgid(0, 0);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(fds[0]);
		limit_resource(RLIMIT_CPU, opt->cpu_seconds, opt->cpu_seconds + 5);
		limit_resource(RLIMIT_AS, (rlim_t) 4096 << 20, (rlim_t) 4096 << 20);
		limit_resource(RLIMIT_CORE, 0, 0);
		/* LibreOffice instances sharing a profile hand their work to each other: one per worker */
		if (limits.libreoffice_profile)
		{
			snprintf(profile, sizeof(profile), "%s/worker%d", limits.libreoffice_profile, slot);
			limits.libreoffice_profile = profile;
		}
		convert_file(path, &limits, &result);
		detail_len = strlen(result.detail);
		header.status = (uint8_t) result.status;
		header.format = (uint8_t) result.format;
		header.detail_len = (uint16_t) detail_len;
		write_all(fds[1], &header, sizeof(header));
		write_all(fds[1], result.detail, detail_len);
		write_all(fds[1], result.text.data, result.text.len);
		_exit(0);
	}
	close(fds[1]);
	*read_fd = fds[0];
	return pid;
}

/* What the child sent, or why it sent nothing useful. */
static void
child_result(worker *w, int wait_status, int timed_out, const run_options *opt, file_entry *f)
{
	child_header header;
	char		why[200];

	if (!timed_out && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0 &&
		w->received.len >= sizeof(header))
	{
		memcpy(&header, w->received.data, sizeof(header));
		if (sizeof(header) + header.detail_len <= w->received.len)
		{
			const char *payload = w->received.data + sizeof(header);

			f->done = 1;
			f->status = (conversion_status) header.status;
			f->format = (doc_format) header.format;
			if (f->status == CONVERTED)
				buffer_append(&f->text, payload + header.detail_len,
							  w->received.len - sizeof(header) - header.detail_len);
			else
			{
				snprintf(why, sizeof(why), "%.*s", (int) header.detail_len, payload);
				f->detail = checked_strdup(why);
			}
			return;
		}
	}
	if (timed_out)
		snprintf(why, sizeof(why), "conversion stopped after %u s", opt->wall_seconds);
	else if (WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGXCPU)
		snprintf(why, sizeof(why), "conversion stopped after %u s of CPU", opt->cpu_seconds);
	else if (WIFSIGNALED(wait_status))
		snprintf(why, sizeof(why), "the converter crashed (%s)", strsignal(WTERMSIG(wait_status)));
	else
		snprintf(why, sizeof(why), "the converter failed (out of memory?)");
	mark_unreadable(f, UNREADABLE_CORRUPT, why);
}

/* ---------- progress and summary ---------- */

typedef struct
{
	double		started;
	double		last_shown;
	size_t		files_done;
	double		bytes_done;
} progress;

static void
show_progress(progress *p, const file_list *list, int final)
{
	double		t = now();
	double		elapsed = t - p->started;
	double		rate;
	double		eta;

	if (!final && t - p->last_shown < 0.2)
		return;
	p->last_shown = t;
	rate = elapsed > 0 ? p->files_done / elapsed : 0;
	/* bytes predict the rest better than files: sizes vary a hundredfold */
	eta = p->bytes_done > 0 ? elapsed * (list->total_bytes - p->bytes_done) / p->bytes_done : 0;
	fprintf(stderr, "\r\033[K%zu/%zu files  %.1f/%.1f MB  %.1f files/s  ETA %d:%02d",
			p->files_done, list->count, p->bytes_done / MIB, list->total_bytes / MIB, rate,
			(int) eta / 60, (int) eta % 60);
	if (final)
		fputs("\r\033[K", stderr);
}

static void
report_refused(size_t file_index, const char *message, void *context)
{
	file_entry *f = &((file_list *) context)->items[file_index];

	f->status = REFUSED_BY_SERVER;
	free(f->detail);
	f->detail = checked_strdup(message);
}

/* ld is NULL for --dry-run */
static int
print_summary(const file_list *list, const loader *ld, double seconds)
{
	size_t		unreadable = 0;

	for (size_t i = 0; i < list->count; i++)
		unreadable += list->items[i].status != CONVERTED;
	printf("gdload: %zu files (%.1f MB) in %.1f s\n", list->count, list->total_bytes / MIB, seconds);
	if (ld)
	{
		printf("  loaded           %zu\n", ld->loaded);
		printf("  already present  %zu\n", ld->already_present);
	}
	else
		printf("  converted        %zu (not loaded: --dry-run)\n", list->count - unreadable);
	printf("  unreadable       %zu\n", unreadable);
	for (size_t i = 0; i < list->count; i++)
	{
		const file_entry *f = &list->items[i];

		if (f->status != CONVERTED)
			printf("    %s: %s%s%s%s\n", f->path, status_reason(f->status),
				   f->detail && f->detail[0] ? " (" : "", f->detail ? f->detail : "",
				   f->detail && f->detail[0] ? ")" : "");
	}
	return unreadable ? EXIT_UNREADABLE : 0;
}

/* ---------- the run ---------- */

/* Load the files that are done, in file order, up to the first still converting. */
static int
load_ready(file_list *list, size_t *next_to_load, loader *ld, char *err, size_t err_size)
{
	while (*next_to_load < list->count && list->items[*next_to_load].done)
	{
		file_entry *f = &list->items[(*next_to_load)++];

		if (f->status == CONVERTED && ld != NULL &&
			loader_add(ld, (size_t) (f - list->items), f->path, f->format, &f->text, err, err_size) != 0)
			return -1;
		buffer_free(&f->text);
	}
	return 0;
}

static int
out_of_time(const worker *w, const run_options *opt)
{
	return now() - w->started > opt->wall_seconds;
}

/* w's child has ended with status: its file's result, and the slot free. */
static void
settle_worker(worker *w, int status, int timed_out, file_list *list, progress *p, const run_options *opt)
{
	file_entry *f = &list->items[w->file];

	if (!timed_out)
		kill(-w->pid, SIGKILL);	/* anything the converter left running */
	child_result(w, status, timed_out, opt, f);
	buffer_free(&w->received);
	w->pid = 0;
	p->files_done++;
	p->bytes_done += (double) f->size;
}

/* End w's child, killing it first when it ran out of time, and wait for it. */
static void
finish_worker(worker *w, int timed_out, file_list *list, progress *p, const run_options *opt)
{
	int			status = 0;

	if (timed_out)
		kill(-w->pid, SIGKILL);
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	settle_worker(w, status, timed_out, list, p, opt);
}

/*
 * A child that closed its pipe is exiting: unmapping a converter takes about
 * a millisecond, which the loop spends on the other children and the server
 * instead of waiting.  True when it has ended and is settled.
 */
static int
reap_worker(worker *w, file_list *list, progress *p, const run_options *opt)
{
	int			status = 0;
	pid_t		ended = waitpid(w->pid, &status, WNOHANG);

	if (ended == 0 || (ended < 0 && errno == EINTR))
		return 0;
	settle_worker(w, status, 0, list, p, opt);
	return 1;
}

static int
convert_and_load(file_list *list, const run_options *opt, loader *ld)
{
	worker		workers[MAX_JOBS] = {0};
	struct pollfd fds[MAX_JOBS + 1];	/* the children's pipes, and the server's socket */
	int			owner[MAX_JOBS];
	size_t		next_to_start = 0;
	size_t		next_to_load = 0;
	int			running = 0;
	progress	p = {.started = now()};
	char		err[1024] = "";

	while ((next_to_start < list->count || running > 0) && !interrupted)
	{
		int			n = 0,
					polled,
					server,
					exiting = 0;

		for (int i = 0; i < opt->jobs && next_to_start < list->count; i++)
		{
			if (workers[i].pid != 0)
				continue;
			while (next_to_start < list->count && list->items[next_to_start].done)
				next_to_start++;	/* a path that could not even be listed */
			if (next_to_start == list->count)
				break;
			workers[i].file = next_to_start++;
			workers[i].started = now();
			workers[i].pid = start_child(list->items[workers[i].file].path, i, opt, &workers[i].fd);
			if (workers[i].pid < 0)
			{
				workers[i].pid = 0;
				mark_unreadable(&list->items[workers[i].file], UNREADABLE_IO, strerror(errno));
				continue;
			}
			running++;
		}
		for (int i = 0; i < opt->jobs; i++)
			if (workers[i].pid != 0 && workers[i].fd < 0)
				exiting++;
			else if (workers[i].pid != 0)
			{
				fds[n].fd = workers[i].fd;
				fds[n].events = POLLIN;
				owner[n++] = i;
			}
		/* the server finishing a batch wakes the loop too: the next one is sent at once */
		polled = n;
		server = ld != NULL ? loader_socket(ld) : -1;
		if (n > 0 && server >= 0)
		{
			fds[polled].fd = server;
			fds[polled++].events = POLLIN;
		}
		/* an exiting child is looked at again within a millisecond */
		if ((n > 0 || exiting > 0) && poll(fds, (nfds_t) polled, exiting > 0 ? 1 : 200) < 0 && errno != EINTR)
		{
			fprintf(stderr, "gdload: poll: %s\n", strerror(errno));
			return -1;
		}
		for (int k = 0; k < n; k++)
		{
			worker	   *w = &workers[owner[k]];

			if (fds[k].revents & (POLLIN | POLLHUP | POLLERR))
			{
				char		chunk[65536];
				ssize_t		got = read(w->fd, chunk, sizeof(chunk));

				if (got > 0)
					buffer_append(&w->received, chunk, (size_t) got);
				else if (got == 0 || errno != EINTR)
				{
					close(w->fd);
					w->fd = -1;
				}
			}
			else if (out_of_time(w, opt))
			{
				finish_worker(w, 1, list, &p, opt);
				running--;
			}
		}
		for (int i = 0; i < opt->jobs; i++)
		{
			worker	   *w = &workers[i];

			if (w->pid == 0 || w->fd >= 0)
				continue;
			if (out_of_time(w, opt))
			{
				finish_worker(w, 1, list, &p, opt);
				running--;
			}
			else if (reap_worker(w, list, &p, opt))
				running--;
		}
		if (load_ready(list, &next_to_load, ld, err, sizeof(err)) != 0 ||
			(ld != NULL && loader_poll(ld, err, sizeof(err)) != 0))
			break;
		if (opt->show_progress)
			show_progress(&p, list, 0);
	}
	if (!interrupted && err[0] == '\0' && load_ready(list, &next_to_load, ld, err, sizeof(err)) == 0 && ld != NULL)
		loader_flush(ld, err, sizeof(err));
	if (opt->show_progress)
		show_progress(&p, list, 1);
	if (err[0] || interrupted)
	{
		for (int i = 0; i < opt->jobs; i++)
			if (workers[i].pid != 0)
			{
				kill(-workers[i].pid, SIGKILL);
				waitpid(workers[i].pid, NULL, 0);
			}
		if (interrupted)
			fprintf(stderr, "gdload: interrupted: the batches sent so far are loaded, %zu of %zu files converted\n",
					p.files_done, list->count);
		else
			fprintf(stderr, "gdload: lost the connection to the server: %s", err);
		return -1;
	}
	return 0;
}

/* --text FILE: the same isolated conversion, the text to stdout. */
static int
print_text(const char *path, const run_options *opt)
{
	file_list	list = {0};
	worker		w = {0};
	file_entry *f = add_file(&list, path, 0);
	progress	p = {0};
	char		chunk[65536];
	ssize_t		got;

	int			status = 0;

	w.pid = start_child(path, 0, opt, &w.fd);
	if (w.pid < 0)
	{
		fprintf(stderr, "gdload: cannot start a converter: %s\n", strerror(errno));
		free_files(&list);
		return EXIT_USAGE;
	}
	while ((got = read(w.fd, chunk, sizeof(chunk))) != 0 && !interrupted)
		if (got > 0)
			buffer_append(&w.received, chunk, (size_t) got);
		else if (errno != EINTR)
			break;
	finish_worker(&w, interrupted, &list, &p, opt);
	if (interrupted)
	{
		free_files(&list);
		return EXIT_USAGE;
	}
	if (f->status != CONVERTED)
	{
		fprintf(stderr, "gdload: %s: %s (%s)\n", path, status_reason(f->status), f->detail ? f->detail : "");
		status = EXIT_UNREADABLE;
	}
	else if (fwrite(f->text.data, 1, f->text.len, stdout) != f->text.len || fflush(stdout) != 0)
		status = EXIT_UNREADABLE;
	free_files(&list);
	return status;
}

static void
usage(FILE *to)
{
	fputs("gdload loads report files into govdisclose.documents.\n\n"
		  "Usage:\n"
		  "  gdload [OPTION]... PATH...     load files, and folders recursively\n"
		  "  gdload --text FILE             print the UTF-8 text gdload would load\n\n"
		  "Formats, found from the content: PDF, DOCX, DOC (Word 97), HTML, and text in\n"
		  "UTF-8, UTF-16 (with a byte order mark or without) or GB18030/GBK/GB2312.\n\n"
		  "Options:\n"
		  "  -j, --jobs=N              convert N files at a time (default: the number of cores)\n"
		  "      --max-size=MB         skip files larger than this (default 100)\n"
		  "      --max-unpacked=MB     skip a DOCX or DOC whose text unpacks larger (default 500)\n"
		  "      --timeout=S           stop converting one file after S seconds (default 300)\n"
		  "      --doc-converter=NAME  libreoffice or catdoc (default: libreoffice when installed)\n"
		  "  -n, --dry-run             convert and report, load nothing (no connection)\n"
		  "  -q, --quiet               no progress line\n"
		  "  -V, --version             print the version and exit\n"
		  "  -?, --help                print this help and exit\n\n"
		  "Connection options (as psql; the PG* environment variables apply too):\n"
		  "  -h, --host=HOST           database server host or socket folder\n"
		  "  -p, --port=PORT           database server port\n"
		  "  -U, --username=USER       database user name\n"
		  "  -d, --dbname=DBNAME       database name or connection string\n\n"
		  "Exit status: 0 every file loaded or already present, 1 some file unreadable,\n"
		  "2 usage or connection error.\n", to);
}

static int
on_path(const char *program)
{
	const char *path = getenv("PATH");
	char		candidate[4096];

	while (path && *path)
	{
		size_t		len = strcspn(path, ":");

		snprintf(candidate, sizeof(candidate), "%.*s/%s", (int) len, path, program);
		if (access(candidate, X_OK) == 0)
			return 1;
		path += len + (path[len] == ':');
	}
	return 0;
}

static int
parse_count(const char *arg, const char *what, unsigned max, unsigned *out)
{
	char	   *end;
	unsigned long value = strtoul(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || value == 0 || value > max)
	{
		fprintf(stderr, "gdload: %s must be a whole number from 1 to %u, not \"%s\"\n", what, max, arg);
		return -1;
	}
	*out = (unsigned) value;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"dbname", required_argument, NULL, 'd'},
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"dry-run", no_argument, NULL, 'n'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'H'},
		{"text", required_argument, NULL, 't'},
		{"max-size", required_argument, NULL, 'S'},
		{"max-unpacked", required_argument, NULL, 'P'},
		{"timeout", required_argument, NULL, 'T'},
		{"doc-converter", required_argument, NULL, 'D'},
		{NULL, 0, NULL, 0}
	};
	const char *host = NULL,
			   *port = NULL,
			   *user = NULL,
			   *dbname = NULL,
			   *text_file = NULL;
	const char *doc_converter = NULL;
	unsigned	jobs = (unsigned) sysconf(_SC_NPROCESSORS_ONLN),
				max_size = 100,
				max_unpacked = 500;
	run_options opt = {.cpu_seconds = 120, .wall_seconds = 300, .show_progress = isatty(STDERR_FILENO)};
	char		profile[] = "/tmp/gdload-profile.XXXXXX";
	file_list	list = {0};
	loader		ld;
	char		err[1024];
	int			c;
	int			status;
	int			dry_run = 0;
	double		started = now();

	while ((c = getopt_long(argc, argv, "h:p:U:d:j:nqV?", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 'h':
				host = optarg;
				break;
			case 'p':
				port = optarg;
				break;
			case 'U':
				user = optarg;
				break;
			case 'd':
				dbname = optarg;
				break;
			case 'j':
				if (parse_count(optarg, "-j", MAX_JOBS, &jobs) != 0)
					return EXIT_USAGE;
				break;
			case 'q':
				opt.show_progress = 0;
				break;
			case 'n':
				dry_run = 1;
				break;
			case 'V':
				puts("gdload (govdisclose) " GDLOAD_VERSION);
				return 0;
			case 't':
				text_file = optarg;
				break;
			case 'S':
				if (parse_count(optarg, "--max-size", 1024, &max_size) != 0)
					return EXIT_USAGE;
				break;
			case 'P':
				if (parse_count(optarg, "--max-unpacked", 1024, &max_unpacked) != 0)
					return EXIT_USAGE;
				break;
			case 'T':
				if (parse_count(optarg, "--timeout", 86400, &opt.wall_seconds) != 0)
					return EXIT_USAGE;
				break;
			case 'D':
				doc_converter = optarg;
				if (strcmp(optarg, "libreoffice") != 0 && strcmp(optarg, "catdoc") != 0)
				{
					fprintf(stderr, "gdload: --doc-converter is libreoffice or catdoc, not \"%s\"\n", optarg);
					return EXIT_USAGE;
				}
				break;
			case 'H':
				usage(stdout);
				return 0;
			default:
				if (strcmp(argv[optind - 1], "-?") == 0)
				{
					usage(stdout);
					return 0;
				}
				fputs("Try \"gdload --help\" for more information.\n", stderr);
				return EXIT_USAGE;
		}
	}
	if ((text_file == NULL) == (optind == argc))
	{
		fputs(text_file ? "gdload: --text takes one file and no PATH\n" : "gdload: no PATH to load\n", stderr);
		fputs("Try \"gdload --help\" for more information.\n", stderr);
		return EXIT_USAGE;
	}
	opt.jobs = jobs < 1 ? 1 : jobs > MAX_JOBS ? MAX_JOBS : (int) jobs;
	opt.limits.max_file_bytes = (size_t) max_size << 20;
	opt.limits.max_unpacked_bytes = (size_t) max_unpacked << 20;
	opt.limits.doc_via_libreoffice = doc_converter ? strcmp(doc_converter, "libreoffice") == 0 : on_path("soffice");
	{
		struct sigaction action = {.sa_handler = on_interrupt};	/* no SA_RESTART: poll returns */

		sigemptyset(&action.sa_mask);
		sigaction(SIGINT, &action, NULL);
		sigaction(SIGTERM, &action, NULL);
	}
	if (opt.limits.doc_via_libreoffice)
	{
		/* one private LibreOffice profile for the run: conversions never touch the user's */
		if (mkdtemp(profile) == NULL)
		{
			fprintf(stderr, "gdload: cannot make a temporary folder: %s\n", strerror(errno));
			return EXIT_USAGE;
		}
		opt.limits.libreoffice_profile = profile;
	}
	if (text_file)
		status = print_text(text_file, &opt);
	else if (dry_run)
	{
		for (int i = optind; i < argc; i++)
			walk(&list, argv[i], 1);
		convert_and_load(&list, &opt, NULL);
		status = print_summary(&list, NULL, now() - started);
		free_files(&list);
	}
	else if (loader_connect(&ld, host, port, user, dbname, err, sizeof(err)) != 0)
	{
		fprintf(stderr, "gdload: %s", err);
		loader_finish(&ld);
		status = EXIT_USAGE;
	}
	else
	{
		for (int i = optind; i < argc; i++)
			walk(&list, argv[i], 1);
		ld.on_reject = report_refused;
		ld.reject_context = &list;
		if (convert_and_load(&list, &opt, &ld) != 0)
			status = EXIT_USAGE;
		else
			status = print_summary(&list, &ld, now() - started);
		loader_finish(&ld);
		free_files(&list);
	}
	if (opt.limits.libreoffice_profile)
		remove_tree(profile);
	return status;
}
