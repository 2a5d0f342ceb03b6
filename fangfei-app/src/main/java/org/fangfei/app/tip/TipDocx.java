package org.fangfei.app.tip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

/**
 * A Word document (DOCX) rebuilt from an allow-list, so nothing that names the reporter
 * survives. Starting from {@code word/document.xml}, only the parts its relationships
 * lead to and a Word document needs are kept: styles, numbering, settings, font table,
 * web settings, theme, headers, footers, footnotes, endnotes and pictures. Each kept XML
 * part goes through {@link WordXml}; each picture (JPEG, PNG, GIF, BMP) is decoded and
 * drawn again through {@link Images}, which drops its EXIF and GPS position. Comments,
 * the people list ({@code word/people.xml}), custom XML, custom and thumbnail properties,
 * the glossary, macros and the attached template are dropped with their relationships;
 * the package relationships, content types and the core and extended properties are
 * written afresh, empty. A link to anything but a web page (a local file path names the
 * user) is pointed at {@code about:blank}.
 * <p>
 * What cannot be cleaned is refused rather than passed on: embedded objects, charts,
 * SmartArt, EMF/WMF pictures, linked files, and any link to outside the document but a
 * hyperlink (a linked picture or object would be fetched from where the reporter chose
 * when staff open it). The reporter is told to remove them or send screenshots.
 */
final class TipDocx {

	private static final int MAX_ENTRIES = 2000;

	private static final long MAX_UNZIPPED = 60L * 1024 * 1024;

	/** All pictures of one document together, so many small bombs cannot add up. */
	private static final long MAX_PIXELS_TOTAL = 2 * Images.MAX_PIXELS;

	private static final String MAIN = "word/document.xml";

	private static final String WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

	/**
	 * Relationship kind (the type URI's last segment) to content type, for kept XML
	 * parts.
	 */
	private static final Map<String, String> KEPT_XML = Map.ofEntries(Map.entry("styles", WORDML + "styles+xml"),
			Map.entry("numbering", WORDML + "numbering+xml"), Map.entry("settings", WORDML + "settings+xml"),
			Map.entry("fontTable", WORDML + "fontTable+xml"), Map.entry("webSettings", WORDML + "webSettings+xml"),
			Map.entry("theme", "application/vnd.openxmlformats-officedocument.theme+xml"),
			Map.entry("header", WORDML + "header+xml"), Map.entry("footer", WORDML + "footer+xml"),
			Map.entry("footnotes", WORDML + "footnotes+xml"), Map.entry("endnotes", WORDML + "endnotes+xml"));

	/** Relationship kinds dropped with their parts: they only carry who and how. */
	private static final Set<String> DROPPED = Set.of("comments", "commentsExtended", "commentsIds",
			"commentsExtensible", "people", "customXml", "glossaryDocument", "vbaProject", "stylesWithEffects",
			"keyMapCustomizations", "attachedTemplate", "mailMergeSource", "mailMergeHeaderSource", "recipientData",
			"webextensiontaskpanes", "font", "customXmlProps", "printerSettings");

	private final byte[] bytes;

	private final int n;

	private final Map<String, byte[]> parts = new HashMap<>();

	private final Map<String, byte[]> out = new LinkedHashMap<>();

	private final Map<String, String> types = new LinkedHashMap<>();

	private final Deque<String> pending = new ArrayDeque<>();

	private long pixels;

	private TipDocx(byte[] bytes, int n) {
		this.bytes = bytes;
		this.n = n;
	}

	/**
	 * The document rebuilt.
	 * @throws Rejected when it is not a Word document, is too large unzipped, or holds
	 * something that cannot be cleaned
	 */
	static byte[] clean(byte[] bytes, int n) {
		return new TipDocx(bytes, n).rebuilt();
	}

	private byte[] rebuilt() {
		unzip();
		if (!this.parts.containsKey("[Content_Types].xml") || !this.parts.containsKey(MAIN)) {
			throw notWord();
		}
		this.types.put("/" + MAIN, WORDML + "document.main+xml");
		this.pending.add(MAIN);
		Set<String> done = new HashSet<>();
		while (!this.pending.isEmpty()) {
			String part = this.pending.poll();
			if (done.add(part)) {
				xmlPart(part);
			}
		}
		return zipped();
	}

	private void xmlPart(String part) {
		Set<String> kept = new HashSet<>();
		StringBuilder rels = new StringBuilder();
		for (OpcRelationships.Relationship rel : relationships(part)) {
			String target = kept(part, rel);
			if (target != null) {
				kept.add(rel.id());
				rels.append(OpcRelationships.element(rel.id(), rel.type(), target, rel.external()));
			}
		}
		try {
			this.out.put(part, WordXml.clean(this.parts.get(part), kept));
		}
		catch (WordXml.Malformed ex) {
			throw notWord();
		}
		catch (WordXml.Dangling ex) {
			throw uncleanable();
		}
		if (!kept.isEmpty()) {
			this.out.put(OpcRelationships.partFor(part), OpcRelationships.document(rels.toString()));
		}
	}

	/** The target written for a kept relationship, or null when it is dropped. */
	private String kept(String source, OpcRelationships.Relationship rel) {
		String kind = rel.kind();
		if (DROPPED.contains(kind)) {
			return null;
		}
		if (rel.external()) {
			if (!kind.equals("hyperlink")) {
				throw linksOutside();
			}
			String target = rel.target().toLowerCase(Locale.ROOT);
			boolean web = target.startsWith("http://") || target.startsWith("https://");
			return web ? rel.target() : "about:blank";
		}
		String part = OpcRelationships.resolve(source, rel.target());
		if (part == null || !this.parts.containsKey(part)) {
			throw notWord();
		}
		if (KEPT_XML.containsKey(kind)) {
			this.types.put("/" + part, KEPT_XML.get(kind));
			this.pending.add(part);
			return rel.target();
		}
		if (kind.equals("image")) {
			picture(part);
			return rel.target();
		}
		throw uncleanable();
	}

	private void picture(String part) {
		if (this.out.containsKey(part)) {
			return;
		}
		byte[] original = this.parts.get(part);
		if (!Images.readable(FileType.of(original))) {
			throw uncleanable();
		}
		long left = MAX_PIXELS_TOTAL - this.pixels;
		if (left <= 0) {
			throw TipFiles.refused(picturesTooLarge());
		}
		String what = "第" + this.n + "个附件(Word文档)中的图片";
		Images.Reencoded picture = (left < Images.MAX_PIXELS)
				? Images.reencoded(original, TipFiles.MAX_SIDE, left, what, "files", picturesTooLarge())
				: Images.reencoded(original, TipFiles.MAX_SIDE, Images.MAX_PIXELS, what, "files");
		this.pixels += picture.sourcePixels();
		this.out.put(part, picture.bytes());
		this.types.put("/" + part, picture.type().contentType());
	}

	private List<OpcRelationships.Relationship> relationships(String part) {
		byte[] rels = this.parts.get(OpcRelationships.partFor(part));
		if (rels == null) {
			return List.of();
		}
		try {
			return OpcRelationships.read(rels);
		}
		catch (WordXml.Malformed ex) {
			throw notWord();
		}
	}

	private byte[] zipped() {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream(this.bytes.length);
		try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
			put(zip, "[Content_Types].xml", OpcRelationships.contentTypes(this.types));
			put(zip, "_rels/.rels", OpcRelationships.PACKAGE_RELS);
			put(zip, "docProps/core.xml", CORE);
			put(zip, "docProps/app.xml", APP);
			for (Map.Entry<String, byte[]> part : this.out.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return zipped.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private void unzip() {
		long unzipped = 0;
		try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(this.bytes))) {
			ZipEntry entry;
			while ((entry = zin.getNextEntry()) != null) {
				if (this.parts.size() >= MAX_ENTRIES) {
					throw notWord();
				}
				byte[] content = readLimited(zin, MAX_UNZIPPED - unzipped);
				unzipped += content.length;
				if (this.parts.put(entry.getName(), content) != null) {
					throw notWord();
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw notWord();
		}
	}

	private byte[] readLimited(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		long total = 0;
		while ((read = in.read(buffer)) > 0) {
			total += read;
			if (total > limit) {
				throw TipFiles.refused("第" + this.n + "个附件解压后过大，无法接收");
			}
			content.write(buffer, 0, read);
		}
		return content.toByteArray();
	}

	private Rejected notWord() {
		return TipFiles.refused("第" + this.n + "个附件不是Word文档(docx)，无法接收");
	}

	private Rejected uncleanable() {
		return TipFiles.refused("第" + this.n + "个附件(Word文档)含有无法清除身份信息的内容(如嵌入的对象、图表、SmartArt、"
				+ "EMF/WMF等格式的图片或链接的文件)。请删除这些内容，或把它们截图后以JPG/PNG图片插入，再上传");
	}

	private Rejected linksOutside() {
		return TipFiles
			.refused("第" + this.n + "个附件(Word文档)链接了外部的文件或网址(如链接的图片或对象)，打开时会去读取它们。" + "请把它们以图片或文字的形式插入文档，再上传");
	}

	private String picturesTooLarge() {
		return "第" + this.n + "个附件(Word文档)中的图片合计过大，请压缩图片后再上传";
	}

	private static final String CORE = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
			xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
			xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>""";

	private static final String APP = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>""";

}
