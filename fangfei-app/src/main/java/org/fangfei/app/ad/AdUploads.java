package org.fangfei.app.ad;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads an uploaded batch into texts, by what the file is ({@link FileType}, never the
 * name alone): {@code .txt} and {@code .docx} — one text per paragraph block (blocks are
 * separated by a blank line); {@code .html} — the page's text (jsoup; scripts, styles and
 * markup dropped, nothing of it is ever rendered) with its title; {@code .xlsx} and
 * {@code .csv} — crawled posts, one per row, with the columns 正文 (or text) and optionally
 * 链接 (url), 标题 (title), 时间 (time). Anything else is refused.
 */
final class AdUploads {

	/** Largest upload accepted. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final DateTimeFormatter[] TIMES = { DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm[:ss]") };

	private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ofPattern("yyyy-M-d"),
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日") };

	private AdUploads() {
	}

	static List<PostInput> read(String fileName, byte[] bytes) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (bytes == null || bytes.length == 0) {
			throw new Rejected("上传的文件是空的");
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected("文件超过 10 MB，请分批上传");
		}
		FileType type = FileType.of(bytes);
		List<PostInput> posts;
		if (name.endsWith(".txt") && type == FileType.TEXT) {
			posts = blocks(decode(bytes));
		}
		else if ((name.endsWith(".html") || name.endsWith(".htm")) && type == FileType.TEXT) {
			Document doc = Jsoup.parse(decode(bytes));
			String title = doc.title().isBlank() ? null : doc.title().strip();
			String text = doc.body() == null ? "" : doc.body().text();
			posts = text.isBlank() ? List.of() : List.of(new PostInput(null, title, text, null));
		}
		else if (name.endsWith(".docx") && type == FileType.ZIP) {
			posts = blocks(docx(bytes));
		}
		else if ((name.endsWith(".xlsx") && type == FileType.ZIP) || (name.endsWith(".csv") && type == FileType.TEXT)) {
			posts = rows(TabularFile.readLines(name, new ByteArrayInputStream(bytes), AdScreening.MAX_TEXTS));
		}
		else if (name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".docx")
				|| name.endsWith(".xlsx") || name.endsWith(".csv")) {
			throw new Rejected(
					"文件内容与扩展名不符：“" + fileName + "”不是真正的" + name.substring(name.lastIndexOf('.') + 1) + " 文件");
		}
		else {
			throw new Rejected("只支持 .txt、.html、.docx、.xlsx 或 .csv 文件");
		}
		if (posts.isEmpty()) {
			throw new Rejected("文件中没有可排查的文字");
		}
		return posts;
	}

	/** UTF-8 (with or without BOM), or GBK as Windows saves it in China. */
	static String decode(byte[] bytes) {
		try {
			String s = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return s.startsWith("\uFEFF") ? s.substring(1) : s;
		}
		catch (CharacterCodingException ex) {
			try {
				return Charset.forName("GBK")
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (CharacterCodingException again) {
				throw new Rejected("文本文件既不是 UTF-8 也不是 GBK 编码，无法读取");
			}
		}
	}

	private static String docx(byte[] bytes) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			StringBuilder sb = new StringBuilder();
			for (XWPFParagraph p : doc.getParagraphs()) {
				sb.append(p.getText()).append('\n');
			}
			return sb.toString();
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("无法读取 Word 文件，请确认是 .docx 格式");
		}
	}

	/** Texts separated by blank lines. */
	static List<PostInput> blocks(String text) {
		List<PostInput> out = new ArrayList<>();
		for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
			if (!block.isBlank()) {
				out.add(new PostInput(null, null, block.strip(), null));
			}
		}
		return out;
	}

	private static List<PostInput> rows(List<TabularFile.Line> lines) {
		if (lines.isEmpty()) {
			return List.of();
		}
		List<String> header = lines.get(0).cells().stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int text = column(header, "正文", "text", "内容");
		if (text < 0) {
			throw new Rejected("表头中没有“正文”列（可写 正文、内容 或 text；另可有 链接、标题、时间 列）");
		}
		int url = column(header, "链接", "url", "网址");
		int title = column(header, "标题", "title");
		int time = column(header, "时间", "time", "发布时间");
		List<PostInput> out = new ArrayList<>();
		for (TabularFile.Line line : lines.subList(1, lines.size())) {
			String body = cell(line, text);
			if (body == null || body.isBlank()) {
				throw new Rejected("第 " + line.number() + " 行没有正文");
			}
			out.add(new PostInput(cell(line, url), cell(line, title), body, time(cell(line, time), line.number())));
		}
		return out;
	}

	private static int column(List<String> header, String... names) {
		for (String n : names) {
			int i = header.indexOf(n);
			if (i >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static String cell(TabularFile.Line line, int i) {
		return i < 0 || i >= line.cells().size() || line.cells().get(i).isBlank() ? null : line.cells().get(i).strip();
	}

	static OffsetDateTime time(String s, int row) {
		if (s == null) {
			return null;
		}
		for (DateTimeFormatter f : TIMES) {
			try {
				return Times.atCounty(LocalDateTime.parse(s, f));
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		for (DateTimeFormatter f : DATES) {
			try {
				return Times.atCounty(LocalDate.parse(s, f).atStartOfDay());
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		throw new Rejected("第 " + row + " 行的时间“" + s + "”无法识别，请写成 2026-12-07 09:30 或 2026-12-07");
	}

}
