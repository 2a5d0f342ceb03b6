package org.fangfei.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a Java source file names in its SQL, for {@link ModuleTablesTests}.
 * The SQL is taken from the file's string literals and text blocks, a literal joined to
 * the next by {@code +} read as one text (comments between them are skipped); a table
 * name held in a constant of another class is not followed. In that SQL a table is what
 * follows {@code from} (every item of {@code from a, b}), {@code join}, {@code using},
 * {@code into}, {@code update}, {@code table} and {@code truncate}, with or without an
 * alias, a schema or double quotes; {@code from} inside {@code extract(…)},
 * {@code substring(…)}, {@code trim(…)} and {@code overlay(…)} is no table, nor is a
 * function call such as {@code from unnest(…)}. Only names of {@code tables} are
 * reported, so words in messages that happen to follow "from" do not count.
 */
final class SqlTables {

	/** A table named by SQL; {@code writes} for insert, update, delete and truncate. */
	record Use(String table, boolean writes) {
	}

	private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right", "inner", "outer", "full",
			"cross", "natural", "on", "using", "group", "order", "limit", "offset", "having", "union", "except",
			"intersect", "window", "for", "set", "returning", "values", "select", "default", "lateral", "when", "then",
			"else", "end", "and", "or", "not", "as", "fetch", "tablesample", "do", "from", "into", "with");

	private static final Set<String> FROM_IS_NO_TABLE = Set.of("extract", "substring", "trim", "overlay");

	private SqlTables() {
	}

	/** Every use of one of {@code tables} by the SQL in a Java source. */
	static List<Use> uses(String javaSource, Set<String> tables) {
		List<Use> uses = new ArrayList<>();
		for (String sql : sqlTexts(javaSource)) {
			uses.addAll(usesInSql(sql, tables));
		}
		return uses;
	}

	/**
	 * The texts of the source's string literals and text blocks, those joined by
	 * {@code +} put together.
	 */
	static List<String> sqlTexts(String src) {
		List<String> texts = new ArrayList<>();
		StringBuilder chain = null;
		boolean joinable = false;
		int i = 0;
		int n = src.length();
		while (i < n) {
			char c = src.charAt(i);
			if (src.startsWith("//", i)) {
				i = endOfLine(src, i);
			}
			else if (src.startsWith("/*", i)) {
				int end = src.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (c == '\'') {
				i = skipQuoted(src, i, '\'');
				joinable = false;
			}
			else if (c == '"') {
				boolean block = src.startsWith("\"\"\"", i);
				int start = block ? endOfLine(src, i) : i + 1;
				int end = block ? src.indexOf("\"\"\"", start) : closingQuote(src, start);
				while (block && end > 0 && escaped(src, end)) {
					end = src.indexOf("\"\"\"", end + 1);
				}
				end = end < 0 ? n : end;
				String text = unescape(src.substring(Math.min(start, end), end));
				if (chain != null && joinable) {
					chain.append(text);
				}
				else {
					if (chain != null) {
						texts.add(chain.toString());
					}
					chain = new StringBuilder(text);
				}
				i = end + (block ? 3 : 1);
				joinable = false;
			}
			else {
				if (c == '+') {
					joinable = chain != null;
				}
				else if (!Character.isWhitespace(c)) {
					joinable = false;
				}
				i++;
			}
		}
		if (chain != null) {
			texts.add(chain.toString());
		}
		return texts;
	}

	private static int endOfLine(String src, int i) {
		int end = src.indexOf('\n', i);
		return end < 0 ? src.length() : end + 1;
	}

	private static int skipQuoted(String src, int i, char quote) {
		int j = i + 1;
		while (j < src.length() && src.charAt(j) != quote) {
			j += src.charAt(j) == '\\' ? 2 : 1;
		}
		return j + 1;
	}

	private static int closingQuote(String src, int from) {
		int j = from;
		while (j < src.length() && src.charAt(j) != '"') {
			j += src.charAt(j) == '\\' ? 2 : 1;
		}
		return j;
	}

	/** Whether the character at {@code i} is preceded by an odd number of backslashes. */
	private static boolean escaped(String src, int i) {
		int slashes = 0;
		for (int j = i - 1; j >= 0 && src.charAt(j) == '\\'; j--) {
			slashes++;
		}
		return slashes % 2 == 1;
	}

	private static String unescape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c != '\\' || i + 1 == s.length()) {
				out.append(c);
				continue;
			}
			char e = s.charAt(++i);
			switch (e) {
				case 'n', 'r', 't', 's', 'f', 'b' -> out.append(' ');
				case '\n' -> {
					// a text block's line continuation
				}
				default -> out.append(e);
			}
		}
		return out.toString();
	}

	/** Every use of one of {@code tables} in one SQL text. */
	static List<Use> usesInSql(String sql, Set<String> tables) {
		List<String> tokens = tokens(sql);
		List<Use> uses = new ArrayList<>();
		Deque<String> parens = new ArrayDeque<>();
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i);
			String before = i > 0 ? tokens.get(i - 1) : "";
			if (t.equals("(")) {
				parens.push(before);
				continue;
			}
			if (t.equals(")")) {
				parens.poll();
				continue;
			}
			switch (t) {
				case "from" -> {
					if (!FROM_IS_NO_TABLE.contains(parens.isEmpty() ? "" : parens.peek())
							&& !before.equals("distinct")) {
						tableList(tokens, i + 1, true, before.equals("delete"), tables, uses);
					}
				}
				case "join", "using" -> tableList(tokens, i + 1, false, false, tables, uses);
				case "into", "truncate", "table" -> {
					int at = i + 1;
					while (at < tokens.size() && Set.of("table", "only", "if", "exists").contains(tokens.get(at))) {
						at++;
					}
					name(tokens, at, tables).ifPresent(name -> uses.add(new Use(name, true)));
				}
				case "update" -> {
					if (!before.equals("do") && !before.equals("for") && !before.equals("key")) {
						int at = i + 1 < tokens.size() && tokens.get(i + 1).equals("only") ? i + 2 : i + 1;
						name(tokens, at, tables).ifPresent(name -> uses.add(new Use(name, true)));
					}
				}
				default -> {
				}
			}
		}
		return uses;
	}

	/**
	 * The tables of a {@code from} or {@code join} beginning at {@code at}: one, or with
	 * {@code list} every item of a comma-separated list.
	 */
	private static void tableList(List<String> tokens, int at, boolean list, boolean writes, Set<String> tables,
			List<Use> uses) {
		int i = at;
		while (i < tokens.size()) {
			while (i < tokens.size() && (tokens.get(i).equals("only") || tokens.get(i).equals("lateral"))) {
				i++;
			}
			if (i >= tokens.size() || !isName(tokens.get(i))) {
				return;
			}
			int end = endOfName(tokens, i);
			boolean call = end < tokens.size() && tokens.get(end).equals("(");
			if (!call) {
				name(tokens, i, tables).ifPresent(name -> uses.add(new Use(name, writes)));
			}
			i = call ? skipParens(tokens, end) : end;
			if (i < tokens.size() && tokens.get(i).equals("as")) {
				i++;
			}
			if (i < tokens.size() && isName(tokens.get(i)) && !NOT_AN_ALIAS.contains(tokens.get(i))) {
				i++;
				if (i < tokens.size() && tokens.get(i).equals("(")) {
					i = skipParens(tokens, i);
				}
			}
			if (!list || i >= tokens.size() || !tokens.get(i).equals(",")) {
				return;
			}
			i++;
		}
	}

	/**
	 * The table named at {@code i}, without its schema, when it is one of {@code tables}.
	 */
	private static java.util.Optional<String> name(List<String> tokens, int i, Set<String> tables) {
		if (i >= tokens.size() || !isName(tokens.get(i))) {
			return java.util.Optional.empty();
		}
		int end = endOfName(tokens, i);
		String last = unquote(tokens.get(end - 1));
		return tables.contains(last) ? java.util.Optional.of(last) : java.util.Optional.empty();
	}

	/** The index after a possibly schema-qualified name starting at {@code i}. */
	private static int endOfName(List<String> tokens, int i) {
		int end = i + 1;
		while (end + 1 < tokens.size() && tokens.get(end).equals(".") && isName(tokens.get(end + 1))) {
			end += 2;
		}
		return end;
	}

	private static int skipParens(List<String> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).equals("(")) {
				depth++;
			}
			else if (tokens.get(i).equals(")") && --depth == 0) {
				return i + 1;
			}
		}
		return tokens.size();
	}

	private static boolean isName(String token) {
		char c = token.charAt(0);
		return c == '"' || c == '_' || Character.isLetter(c);
	}

	private static String unquote(String name) {
		return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
	}

	/**
	 * Lower-cased words, double-quoted names and punctuation; string constants, comments
	 * and bind parameters ({@code :name}) left out.
	 */
	static List<String> tokens(String sql) {
		List<String> tokens = new ArrayList<>();
		String s = sql.toLowerCase(Locale.ROOT);
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (s.startsWith("--", i)) {
				i = endOfLine(s, i);
			}
			else if (s.startsWith("/*", i)) {
				int end = s.indexOf("*/", i + 2);
				i = end < 0 ? s.length() : end + 2;
			}
			else if (c == '\'') {
				int end = s.indexOf('\'', i + 1);
				i = end < 0 ? s.length() : end + 1;
			}
			else if (c == '"') {
				int end = s.indexOf('"', i + 1);
				end = end < 0 ? s.length() - 1 : end;
				tokens.add(s.substring(i, end + 1));
				i = end + 1;
			}
			else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
				i += 2;
			}
			else if (c == ':' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
				i = endOfWord(s, i + 1);
			}
			else if (c == '_' || Character.isLetter(c)) {
				int end = endOfWord(s, i);
				tokens.add(s.substring(i, end));
				i = end;
			}
			else if (Character.isDigit(c)) {
				i = endOfWord(s, i);
			}
			else if (c == ',' || c == '(' || c == ')' || c == '.' || c == ';') {
				tokens.add(String.valueOf(c));
				i++;
			}
			else {
				if (!Character.isWhitespace(c)) {
					tokens.add(String.valueOf(c));
				}
				i++;
			}
		}
		return tokens;
	}

	private static int endOfWord(String s, int i) {
		int end = i;
		while (end < s.length()
				&& (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '$')) {
			end++;
		}
		return end;
	}

}
