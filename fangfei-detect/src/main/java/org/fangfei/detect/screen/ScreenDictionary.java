package org.fangfei.detect.screen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword and pattern library (词库), a UTF-8 text the office edits: one entry per
 * line, {@code 类别 权重 词条 [变体…]} for terms, {@code 同音 正字 字…} and {@code 异体 正字 字…} for
 * characters read as another. The format is described at the top of the built-in file
 * ({@code dictionary.txt} beside this class). A wrong line is refused with its number;
 * nothing is skipped silently.
 */
public final class ScreenDictionary {

	/**
	 * Lines longer than this are refused (a pasted document is not a dictionary entry).
	 */
	static final int MAX_LINE = 2000;

	/**
	 * A term with its spellings; {@code weight} is points for signals, % kept for
	 * contexts.
	 */
	public record Term(Category category, int weight, List<String> spellings, int line) {
	}

	/** Characters read as {@code canonical} when matching. */
	public record Fold(char canonical, String chars, int line) {
	}

	private final List<Term> terms;

	private final List<Fold> folds;

	private final String text;

	private ScreenDictionary(List<Term> terms, List<Fold> folds, String text) {
		this.terms = List.copyOf(terms);
		this.folds = List.copyOf(folds);
		this.text = text;
	}

	public List<Term> terms() {
		return this.terms;
	}

	public List<Fold> folds() {
		return this.folds;
	}

	/** The text it was read from, as given. */
	public String text() {
		return this.text;
	}

	/** The dictionary shipped with the screener. */
	public static ScreenDictionary builtIn() {
		return parse(resource("dictionary.txt"));
	}

	/** Reads a dictionary file (UTF-8). */
	public static ScreenDictionary load(Path file) throws IOException {
		return parse(Files.readString(file, StandardCharsets.UTF_8));
	}

	/**
	 * Reads a dictionary from its text.
	 * @throws IllegalArgumentException naming the first wrong line, in Chinese
	 */
	public static ScreenDictionary parse(String text) {
		List<Term> terms = new ArrayList<>();
		List<Fold> folds = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int n = i + 1;
			String line = lines[i].strip();
			if (i == 0 && line.startsWith("\uFEFF")) {
				line = line.substring(1).strip();
			}
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.length() > MAX_LINE) {
				throw wrong(n, "一行不能超过 " + MAX_LINE + " 个字符");
			}
			String[] f = line.split("[\\s\u3000]+");
			if (f[0].equals("同音") || f[0].equals("异体")) {
				folds.add(fold(f, n));
			}
			else {
				terms.add(term(f, n));
			}
		}
		if (terms.stream().noneMatch(t -> t.category().kind() == Category.Kind.SIGNAL)) {
			throw new IllegalArgumentException("词库中没有任何信号词条（保本承诺、原始股等），无法排查");
		}
		return new ScreenDictionary(terms, folds, text);
	}

	private static Term term(String[] f, int n) {
		Category category = Category.byLabel(f[0]);
		if (category == null) {
			throw wrong(n,
					"未知类别“" + f[0] + "”，应为 保本承诺、原始股、养老、虚拟货币、消费返利、拉人头、虚构项目、招揽、年化、月息、日息、否定、反诈宣传、免责声明、持牌机构、同音、异体 之一");
		}
		if (f.length < 3) {
			throw wrong(n, "应为“类别 权重 词条 [变体…]”，缺少" + (f.length < 2 ? "权重和词条" : "词条"));
		}
		int weight;
		try {
			weight = Integer.parseInt(f[1]);
		}
		catch (NumberFormatException ex) {
			throw wrong(n, "权重“" + f[1] + "”不是整数");
		}
		if (weight < 0 || weight > 100) {
			throw wrong(n, "权重应在 0 到 100 之间，实为 " + weight);
		}
		if (category.kind() == Category.Kind.CONTEXT && weight == 0) {
			throw wrong(n, category.label() + "的权重是保留分数的百分比，不能为 0");
		}
		List<String> spellings = new ArrayList<>();
		for (int k = 2; k < f.length; k++) {
			if (Normaliser.DEFAULT.normalise(f[k]).length() < 2) {
				throw wrong(n, "词条“" + f[k] + "”去掉符号后不足两个字，会误报");
			}
			spellings.add(f[k]);
		}
		return new Term(category, weight, spellings, n);
	}

	private static Fold fold(String[] f, int n) {
		if (f.length != 3 || f[1].codePointCount(0, f[1].length()) != 1 || f[1].length() != 1) {
			throw wrong(n, "应为“" + f[0] + " 正字 字字字”，正字为一个汉字");
		}
		for (int k = 0; k < f[2].length(); k++) {
			char c = f[2].charAt(k);
			if (Character.isSurrogate(c) || !Character.isLetter(c) || c < 0x2E80) {
				throw wrong(n, "“" + f[2] + "”中只能写汉字");
			}
		}
		return new Fold(f[1].charAt(0), f[2], n);
	}

	private static IllegalArgumentException wrong(int n, String problem) {
		return new IllegalArgumentException("词库第 " + n + " 行：" + problem);
	}

	static String resource(String name) {
		try (InputStream in = ScreenDictionary.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
