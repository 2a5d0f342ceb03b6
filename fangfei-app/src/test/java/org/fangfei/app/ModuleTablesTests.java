package org.fangfei.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables (issue 13): no module's SQL names a table another module
 * owns, except the shared reference tables, which every module reads and only their owner
 * writes. Who owns what is read from the table in {@code docs/architecture.md} ("Who owns
 * which table"), so the document and this test cannot drift apart; every table a
 * migration creates must have exactly one owner there (or be a framework table), and
 * every module one row. The SQL is found by {@link SqlTables}.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/org/fangfei/app");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

	private static final Pattern BACKTICKED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern LISTENER = Pattern
		.compile("@ApplicationModuleListener\\s+(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:[\\w<>]+\\s+)+\\w+\\s*\\(\\s*"
				+ "(?:final\\s+)?([\\w.]+)\\s+\\w+\\s*\\)");

	/** One row of the architecture table. */
	record Row(String module, List<String> tables, List<String> publishes, List<String> listensTo) {
	}

	@Test
	void everyTableHasOneOwnerAndEveryModuleOneRow() throws IOException {
		Map<String, Row> rows = rows();
		assertThat(rows.keySet()).as("modules in the table of %s against the packages in %s", ARCHITECTURE, SOURCES)
			.containsExactlyInAnyOrderElementsOf(modules());
		Map<String, String> owners = new TreeMap<>();
		List<String> twice = new ArrayList<>();
		rows.values().forEach(row -> row.tables().forEach(table -> {
			if (owners.put(table, row.module()) != null) {
				twice.add(table);
			}
		}));
		assertThat(twice).as("tables with two owners in %s", ARCHITECTURE).isEmpty();
		Set<String> documented = new TreeSet<>(owners.keySet());
		documented.addAll(framework());
		assertThat(documented)
			.as("tables with an owner (or framework tables) in %s against the migrations' tables", ARCHITECTURE)
			.containsExactlyInAnyOrderElementsOf(migrationTables());
		assertThat(reference()).as("reference tables are tables a module owns").allSatisfy(table -> {
			assertThat(owners).containsKey(table);
		});
	}

	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		Map<String, String> owners = owners();
		Set<String> reference = reference();
		Set<String> known = new TreeSet<>(owners.keySet());
		known.addAll(framework());
		Set<String> leaks = new TreeSet<>();
		Set<String> writes = new TreeSet<>();
		for (String module : modules()) {
			for (Path file : javaFiles(SOURCES.resolve(module))) {
				String name = module + "/" + SOURCES.resolve(module).relativize(file).toString().replace('\\', '/');
				for (SqlTables.Use use : SqlTables.uses(Files.readString(file, StandardCharsets.UTF_8), known)) {
					String owner = owners.get(use.table());
					if (module.equals(owner)) {
						continue;
					}
					if (reference.contains(use.table())) {
						if (use.writes()) {
							writes
								.add(name + " writes the reference table " + use.table() + " (owned by " + owner + ")");
						}
						continue;
					}
					leaks.add(name + " " + use.table());
				}
			}
		}
		assertThat(leaks.stream().map(leak -> described(leak, owners)).toList())
			.as("SQL naming another module's table: ask the owner's API or keep a projection fed by its events "
					+ "(docs/architecture.md, \"Who owns which table\")")
			.isEmpty();
		assertThat(writes).as("reference tables are written by their owner only").isEmpty();
	}

	/**
	 * The type an event belongs to, as the table names it: {@code ClueEvent} for
	 * {@code ClueEvent.Accepted} (the kinds of one sealed type), the simple name of a
	 * qualified one.
	 */
	static String topLevelType(String written) {
		for (String part : written.split("\\.")) {
			if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
				return part;
			}
		}
		return written;
	}

	@Test
	void theTableNamesTheEventsEachModuleListensTo() throws IOException {
		Map<String, Row> rows = rows();
		Map<String, Set<String>> listened = new TreeMap<>();
		for (String module : modules()) {
			Set<String> events = new TreeSet<>();
			for (Path file : javaFiles(SOURCES.resolve(module))) {
				Matcher m = LISTENER.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					events.add(topLevelType(m.group(1)));
				}
			}
			listened.put(module, events);
		}
		Map<String, Set<String>> documented = new TreeMap<>();
		rows.values().forEach(row -> documented.put(row.module(), new TreeSet<>(row.listensTo())));
		assertThat(documented).as("events listened to (@ApplicationModuleListener) in %s", ARCHITECTURE)
			.isEqualTo(listened);
		Set<String> published = new TreeSet<>();
		rows.values().forEach(row -> row.publishes().forEach(event -> {
			assertThat(SOURCES.resolve(row.module()).resolve(event + ".java"))
				.as("event %s published by %s is a type of that module", event, row.module())
				.exists();
			published.add(event);
		}));
		listened.values().forEach(events -> assertThat(published).containsAll(events));
	}

	@Test
	void theScannerFindsTablesInEveryFormOfSql() {
		Set<String> tables = Set.of("clue", "subject", "grid", "notice", "app_user", "region");
		assertThat(found("""
				String a = \"""
				    select c.* from clue c join subject s on s.id = c.subject_id
				    \""";
				""", tables)).containsExactly("clue", "subject");
		assertThat(found("String a = \"select * from clue, subject as s, public.grid g where 1 = 1\";", tables))
			.containsExactly("clue", "subject", "grid");
		assertThat(found("String a = \"select * from \" + \"notice n\";", tables)).containsExactly("notice");
		assertThat(found("String a = \"select * from \" /* the table */ + \"notice n\";", tables))
			.containsExactly("notice");
		assertThat(found("String a = \"insert into app_user (id) values (1)\";", tables)).containsExactly("app_user!");
		assertThat(found("String a = \"update \\\"subject\\\" set name = :name\";", tables))
			.containsExactly("subject!");
		assertThat(found("String a = \"delete from notice where id = :id\";", tables)).containsExactly("notice!");
		assertThat(
				found("String a = \"insert into region (code) values (:c) on conflict do update set x = 1\";", tables))
			.containsExactly("region!");
		assertThat(found("String a = \"select 1 from grid for update\";", tables)).containsExactly("grid");
		assertThat(found("String a = \"select * from unnest(:ids) as t(id) left join lateral (select 1) x on true "
				+ "where extract(epoch from clue) > 0 and a is distinct from subject\";", tables))
			.isEmpty();
		assertThat(found("""
				// select * from clue
				/* update subject */
				String a = "no table named from here"; char q = '"'; String b = "from :notice";
				""", tables)).isEmpty();
		assertThat(found("audit(\"UPDATE\", \"subject\"); String b = \"from \"; String c = \"clue\";", tables))
			.isEmpty();
	}

	private static List<String> found(String source, Set<String> tables) {
		return SqlTables.uses(source, tables).stream().map(u -> u.table() + (u.writes() ? "!" : "")).toList();
	}

	/** {@code module/File.java table} as a sentence naming the owner. */
	private static String described(String leak, Map<String, String> owners) {
		String table = leak.substring(leak.indexOf(' ') + 1);
		return leak.substring(0, leak.indexOf(' ')) + " names " + table + ", owned by " + owners.get(table);
	}

	private static List<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
		}
	}

	private static List<Path> javaFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

	private static Set<String> migrationTables() throws IOException {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher m = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					tables.add(m.group(1).toLowerCase());
				}
			}
		}
		return tables;
	}

	private static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		rows().values().forEach(row -> row.tables().forEach(table -> owners.put(table, row.module())));
		return owners;
	}

	/**
	 * The rows of the table whose header is "module | tables it owns | events it
	 * publishes | events it listens to", by module.
	 */
	static Map<String, Row> rows() {
		List<String> lines = architecture();
		int header = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (cells(lines.get(i))
				.equals(List.of("module", "tables it owns", "events it publishes", "events it listens to"))) {
				header = i;
			}
		}
		assertThat(header).as("the ownership table in %s", ARCHITECTURE).isNotNegative();
		Map<String, Row> rows = new LinkedHashMap<>();
		for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
			List<String> cells = cells(lines.get(i));
			assertThat(cells).as("row %s of the ownership table", lines.get(i)).hasSize(4);
			List<String> module = backticked(cells.get(0));
			assertThat(module).as("module of row %s", lines.get(i)).hasSize(1);
			rows.put(module.get(0), new Row(module.get(0), backticked(cells.get(1)), backticked(cells.get(2)),
					backticked(cells.get(3))));
		}
		return rows;
	}

	/** The tables listed on the line that starts with {@code **Reference tables**}. */
	static Set<String> reference() {
		return listed("**Reference tables**");
	}

	/** Tables created by migrations for a framework, named by no module. */
	static Set<String> framework() {
		return listed("**Framework tables**");
	}

	private static Set<String> listed(String marker) {
		List<String> found = architecture().stream().filter(line -> line.startsWith(marker)).toList();
		assertThat(found).as("one line starting with %s in %s", marker, ARCHITECTURE).hasSize(1);
		String line = found.get(0);
		int colon = line.indexOf(':');
		return new TreeSet<>(backticked(line.substring(colon + 1, endOfList(line, colon))));
	}

	/** The list ends with the sentence (a full stop followed by a blank) or the line. */
	private static int endOfList(String line, int from) {
		int end = line.indexOf(". ", from);
		return end < 0 ? line.length() : end;
	}

	private static List<String> architecture() {
		try {
			return Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> cells(String line) {
		String s = line.trim();
		if (!s.startsWith("|") || !s.endsWith("|") || s.length() < 2) {
			return List.of();
		}
		return Stream.of(s.substring(1, s.length() - 1).split("\\|")).map(String::trim).toList();
	}

	private static List<String> backticked(String text) {
		List<String> names = new ArrayList<>();
		Matcher m = BACKTICKED.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

}
