package org.fangfei.app.tip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.fangfei.app.TestImages;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Real files carrying a planted identity (see {@code files/README.md}: 王小明, wangxiaoming,
 * 13912345678, a GPS position) come out of {@link TipFiles} without any trace of it and
 * still usable; what cannot be cleaned is refused in Chinese.
 */
class TipAttachmentCleaningTests {

	/** The planted identity, and the ids Word and the tag formats tie to a person. */
	private static final List<String> PLANTED = List.of("王小明", "wangxiaoming", "13912345678", "WXM", "example.invalid",
			"Normal.dotm", "00A1B2C3", "00D4E5F6", "0012AB34", "3A4B5C6D", "6F1E2D3C", "0A1B2C3D", "1F2A3B4C",
			"+35.69+105.08", "GPS", "Exif", "APETAGEX", "LYRICS", "TAG");

	@Test
	void wordDocumentIsRebuiltWithoutItsAuthorsAndStillOpens() throws Exception {
		TipFiles.Cleaned cleaned = TipFiles.clean(fixture("report.docx"), 1);
		assertThat(cleaned.cleaning()).isEqualTo(Cleaning.DOCUMENT);
		Map<String, byte[]> parts = unzip(cleaned.bytes());
		assertThat(parts.keySet()).doesNotContain("word/people.xml", "word/comments.xml", "word/commentsExtended.xml",
				"customXml/item1.xml", "customXml/itemProps1.xml", "docProps/custom.xml",
				"word/_rels/settings.xml.rels");
		assertThat(parts.keySet()).contains("word/document.xml", "word/styles.xml", "word/media/image1.jpeg");
		parts.forEach((name, bytes) -> assertNothingPlanted(name, bytes));
		String document = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
		assertThat(document).doesNotContain("w:author", "w:rsid", "w:del ", "pPrChange", "rPrChange", "comment",
				"paraId");
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(cleaned.bytes()))) {
			String text = word.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
			assertThat(text).contains("举报材料", "举报内容：某公司以高息为诱饵吸收存款。", "经查：涉案金额约五十万元。", "证据.xlsx")
				.doesNotContain("删除的原文");
			assertThat(word.getComments()).isNullOrEmpty();
			assertThat(word.getHyperlinks()).singleElement()
				.satisfies(h -> assertThat(h.getURL()).isEqualTo("about:blank"));
			assertThat(word.getProperties().getCoreProperties().getCreator()).isNull();
			List<XWPFPictureData> pictures = word.getAllPictures();
			assertThat(pictures).hasSize(1);
			byte[] picture = pictures.get(0).getData();
			assertThat(appSegments(picture)).as("no EXIF or XMP segment").doesNotContain(0xE1);
			assertThat(ImageIO.read(new ByteArrayInputStream(picture)).getWidth()).isEqualTo(320);
		}
	}

	@Test
	void wordDocumentsWithWhatCannotBeCleanedAreRefused() throws Exception {
		byte[] report = fixture("report.docx");
		Map<String, UnaryOperator<Map<String, byte[]>>> cases = new LinkedHashMap<>();
		cases.put("无法清除身份信息",
				parts -> withRelationship(parts,
						"http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject",
						"embeddings/oleObject1.bin", "word/embeddings/oleObject1.bin", "ole"));
		cases.put("无法清除身份信息 ",
				parts -> withRelationship(parts,
						"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "media/image2.emf",
						"word/media/image2.emf", "\u0001\u0000\u0000\u0000EMF"));
		cases.put("不是Word文档",
				parts -> withRelationship(parts,
						"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
						"../../../etc/passwd", "etc/passwd", "x"));
		cases.put("不是Word文档 ", parts -> {
			String document = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
			parts.put("word/document.xml",
					document
						.replace("<w:document ",
								"<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document ")
						.replace("举报材料", "&x;")
						.getBytes(StandardCharsets.UTF_8));
			return parts;
		});
		cases.put("尺寸过大", parts -> {
			parts.put("word/media/image1.jpeg", TestImages.pngBomb(20_000, 20_000));
			return parts;
		});
		for (var c : cases.entrySet()) {
			byte[] changed = zip(c.getValue().apply(unzip(report)));
			assertThatThrownBy(() -> TipFiles.clean(changed, 2)).as(c.getKey())
				.isInstanceOf(Rejected.class)
				.hasMessageStartingWith("第2个附件")
				.hasMessageContaining(c.getKey().strip());
		}
	}

	@Test
	void photoIsDrawnAgainWithoutExifXmpOrPosition() throws Exception {
		byte[] photo = fixture("gps.jpg");
		assertThat(appSegments(photo)).contains(0xE1);
		TipFiles.Cleaned cleaned = TipFiles.clean(photo, 1);
		assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
		assertThat(cleaned.cleaning()).isEqualTo(Cleaning.PHOTO);
		assertThat(appSegments(cleaned.bytes())).doesNotContain(0xE1);
		assertNothingPlanted("gps.jpg", cleaned.bytes());
	}

	@Test
	void aPortraitPhotoFromAPhoneIsStoredUprightWithoutItsExif() {
		TipFiles.Cleaned cleaned = TipFiles.clean(TestImages.portraitPhoto(), 1);
		assertThat(cleaned.fileName()).isEqualTo("附件1.jpg");
		TestImages.assertUprightPortrait(cleaned.bytes());
	}

	@Test
	void mp3KeepsExactlyItsAudioFrames() throws Exception {
		byte[] tagged = fixture("tagged.mp3");
		TipFiles.Cleaned cleaned = TipFiles.clean(tagged, 1);
		assertThat(cleaned.contentType()).isEqualTo("audio/mpeg");
		assertThat(cleaned.cleaning()).isEqualTo(Cleaning.AUDIO);
		assertThat(cleaned.bytes()).as("ID3v2, APEv2 and ID3v1 gone").isEqualTo(Arrays.copyOfRange(tagged, 110, 9357));
		byte[] lyrics = fixture("lyrics.mp3");
		assertThat(TipFiles.clean(lyrics, 1).bytes()).as("Lyrics3 and ID3v1 gone")
			.isEqualTo(Arrays.copyOfRange(lyrics, 0, 9247));
		assertNothingPlanted("tagged.mp3", cleaned.bytes());
	}

	@Test
	void somethingThatMerelyStartsLikeMp3IsRefused() throws Exception {
		assertThatThrownBy(() -> TipFiles.clean(fixture("fake.mp3"), 3)).isInstanceOf(Rejected.class)
			.hasMessage("第3个附件不是有效的MP3录音，无法接收");
		byte[] halfAudio = fixture("lyrics.mp3");
		byte[] padded = Arrays.copyOf(halfAudio, halfAudio.length * 2);
		assertThatThrownBy(() -> TipFiles.clean(padded, 1)).as("half of it not audio")
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("MP3");
	}

	@Test
	void amrKeepsItsWholeFramesOnly() throws Exception {
		byte[] amr = fixture("trailing.amr");
		TipFiles.Cleaned cleaned = TipFiles.clean(amr, 1);
		assertThat(cleaned.contentType()).isEqualTo("audio/amr");
		assertThat(cleaned.bytes()).isEqualTo(Arrays.copyOf(amr, 2406));
		assertThatThrownBy(() -> TipFiles.clean("#!AMR\nwangxiaoming".getBytes(StandardCharsets.US_ASCII), 1))
			.isInstanceOf(Rejected.class)
			.hasMessage("第1个附件不是有效的AMR录音，无法接收");
	}

	@Test
	void m4aLosesItsTagsAndPositionAndItsChunksStillPointAtTheAudio() throws Exception {
		for (String name : List.of("tagged.m4a", "tagged-mdat-first.m4a")) {
			byte[] original = fixture(name);
			TipFiles.Cleaned cleaned = TipFiles.clean(original, 1);
			assertThat(cleaned.contentType()).isEqualTo("audio/mp4");
			assertThat(cleaned.cleaning()).isEqualTo(Cleaning.AUDIO);
			assertNothingPlanted(name, cleaned.bytes());
			assertThat(ascii(cleaned.bytes())).as(name).doesNotContain("udta", "loci", "ilst", "©xyz", "free");
			assertThat(topLevel(cleaned.bytes())).as(name).containsExactly("ftyp", "moov", "mdat");
			long[] before = chunkOffsets(original);
			long[] after = chunkOffsets(cleaned.bytes());
			assertThat(after).as(name).hasSameSizeAs(before).isNotEmpty();
			for (int i = 0; i < before.length; i++) {
				assertThat(Arrays.copyOfRange(cleaned.bytes(), (int) after[i], (int) after[i] + 64))
					.as(name + " chunk " + i)
					.isEqualTo(Arrays.copyOfRange(original, (int) before[i], (int) before[i] + 64));
			}
			assertThat(cleaned.bytes().length).isLessThan(original.length);
		}
	}

	@Test
	void m4aThatIsNotPlainSoundIsRefused() throws Exception {
		byte[] original = fixture("tagged.m4a");
		byte[] video = replaced(original, "soun", "vide");
		byte[] twoMdat = Arrays.copyOf(original, original.length + 16);
		ByteBuffer.wrap(twoMdat, original.length, 16)
			.putInt(original.length, 16)
			.put(original.length + 4, ascii("mdat"));
		byte[] fragmented = replaced(original, "free", "moof");
		for (byte[] unfit : List.of(video, twoMdat, fragmented)) {
			assertThatThrownBy(() -> TipFiles.clean(unfit, 4)).isInstanceOf(Rejected.class)
				.hasMessageStartingWith("第4个附件不是只含声音的M4A录音");
		}
	}

	@Test
	void wordFieldCodesNamingLocalFilesAreRemovedAndTheirResultsKept() throws Exception {
		Map<String, byte[]> parts = unzip(fixture("report.docx"));
		String document = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
		String fields = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
				+ "<w:r><w:instrText xml:space=\"preserve\"> INCLUDEPICTURE \"C:\\Users\\王小明\\Pictures\\IMG_001.jpg\""
				+ " \\* MERGEFORMATINET </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
				+ "<w:r><w:t>图片域结果</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
				+ "<w:p><w:fldSimple w:instr=\" INCLUDEPICTURE &quot;C:\\Users\\王小明\\Pictures\\IMG_001.jpg&quot; \">"
				+ "<w:r><w:t>简单域结果</w:t></w:r></w:fldSimple></w:p>"
				+ "<w:p><w:fldSimple w:instr=\" HYPERLINK &quot;file:///C:\\Users\\王小明\\Desktop\\a.docx&quot; \">"
				+ "<w:r><w:t>链接域结果</w:t></w:r></w:fldSimple></w:p>";
		int body = document.lastIndexOf("<w:sectPr");
		parts.put("word/document.xml",
				(document.substring(0, body) + fields + document.substring(body)).getBytes(StandardCharsets.UTF_8));
		byte[] cleaned = TipFiles.clean(zip(parts), 1).bytes();
		unzip(cleaned).forEach((name, bytes) -> {
			assertNothingPlanted(name, bytes);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
				.doesNotContain("Users", "IMG_001", "INCLUDEPICTURE", "instrText", "fldSimple", "w:instr");
		});
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(cleaned))) {
			String text = word.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
			assertThat(text).contains("举报材料", "图片域结果", "简单域结果", "链接域结果").doesNotContain("Users");
		}
	}

	@Test
	void wordDocumentLinkingAnOutsidePictureOrObjectIsRefused() throws Exception {
		for (String kind : List.of("image", "oleObject")) {
			Map<String, byte[]> parts = unzip(fixture("report.docx"));
			String rels = new String(parts.get("word/_rels/document.xml.rels"), StandardCharsets.UTF_8);
			parts.put("word/_rels/document.xml.rels", rels.replace("</Relationships>",
					"<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
							+ kind + "\" Target=\"http://tracker.example/pixel.png\" TargetMode=\"External\"/>"
							+ "</Relationships>")
				.getBytes(StandardCharsets.UTF_8));
			byte[] changed = zip(parts);
			assertThatThrownBy(() -> TipFiles.clean(changed, 2)).as(kind)
				.isInstanceOf(Rejected.class)
				.hasMessageStartingWith("第2个附件(Word文档)链接了外部的文件或网址");
		}
	}

	@Test
	void wordDocumentWhosePicturesTogetherAreTooLargeGetsAFixedMessage() throws Exception {
		Map<String, byte[]> parts = unzip(fixture("report.docx"));
		byte[] fortyMegapixels = TestImages.pngBomb(8000, 5000);
		parts.put("word/media/image1.jpeg", fortyMegapixels);
		String rels = new String(parts.get("word/_rels/document.xml.rels"), StandardCharsets.UTF_8);
		String image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
		parts.put(
				"word/_rels/document.xml.rels", rels
					.replace("</Relationships>",
							"<Relationship Id=\"rId98\" Type=\"" + image + "\" Target=\"media/image2.png\"/>"
									+ "<Relationship Id=\"rId99\" Type=\"" + image + "\" Target=\"media/image3.png\"/>"
									+ "</Relationships>")
					.getBytes(StandardCharsets.UTF_8));
		parts.put("word/media/image2.png", fortyMegapixels);
		parts.put("word/media/image3.png", TestImages.pngBomb(10, 10));
		byte[] changed = zip(parts);
		assertThatThrownBy(() -> TipFiles.clean(changed, 2)).isInstanceOf(Rejected.class)
			.hasMessage("第2个附件(Word文档)中的图片合计过大，请压缩图片后再上传");
	}

	@Test
	void m4aWithAZeroSizedBoxInsideMoovIsRefusedQuickly() {
		byte[] m4a = m4a(box("trak", box("mdia", soundHandler())), box("zero", new byte[8]));
		ByteBuffer.wrap(m4a).putInt(ascii(m4a).indexOf("zero") - 4, 0);
		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatThrownBy(() -> TipFiles.clean(m4a, 1)).isInstanceOf(Rejected.class)
					.hasMessageStartingWith("第1个附件不是只含声音的M4A录音"));
	}

	@Test
	void m4aNestedTenThousandBoxesDeepIsRefused() {
		byte[] nested = box("trak", box("mdia", soundHandler()));
		for (int i = 0; i < 10_000; i++) {
			nested = box("trak", nested);
		}
		byte[] m4a = m4a(nested);
		assertThatThrownBy(() -> TipFiles.clean(m4a, 1)).isInstanceOf(Rejected.class)
			.hasMessageStartingWith("第1个附件不是只含声音的M4A录音");
	}

	/**
	 * {@code ftyp}, a {@code moov} holding {@code children}, and a small {@code mdat}.
	 */
	private static byte[] m4a(byte[]... children) {
		byte[] ftyp = box("ftyp", ascii("M4A "), new byte[4], ascii("M4A isom"));
		return concat(ftyp, box("moov", children), box("mdat", new byte[32]));
	}

	private static byte[] soundHandler() {
		return box("hdlr", new byte[8], ascii("soun"), new byte[12]);
	}

	private static byte[] box(String type, byte[]... body) {
		byte[] content = concat(body);
		return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length).put(ascii(type)).put(content).array();
	}

	private static byte[] concat(byte[]... pieces) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] piece : pieces) {
			out.writeBytes(piece);
		}
		return out.toByteArray();
	}

	@Test
	void photoDeclaringTooManyPixelsIsRefusedBeforeDecoding() {
		assertThatThrownBy(() -> TipFiles.clean(TestImages.pngBomb(20_000, 20_000), 1)).isInstanceOf(Rejected.class)
			.hasMessage("第1个附件的图片尺寸过大(超过4000万像素)，请缩小后上传");
	}

	private static void assertNothingPlanted(String name, byte[] bytes) {
		String utf8 = new String(bytes, StandardCharsets.UTF_8);
		String latin1 = ascii(bytes);
		String utf16 = new String(bytes, StandardCharsets.UTF_16LE)
				+ new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_16LE);
		for (String planted : PLANTED) {
			assertThat(utf8).as(name + " in UTF-8").doesNotContain(planted);
			assertThat(latin1).as(name + " in bytes").doesNotContain(planted);
			assertThat(utf16).as(name + " in UTF-16").doesNotContain(planted);
		}
	}

	/**
	 * The APPn marker bytes (0xE0 for JFIF, 0xE1 for EXIF and XMP) before the image data.
	 */
	private static List<Integer> appSegments(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) != 0xDA) {
			int marker = jpeg[at + 1] & 0xFF;
			if (marker >= 0xE0 && marker <= 0xEF) {
				markers.add(marker);
			}
			at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
		}
		return markers;
	}

	private static List<String> topLevel(byte[] mp4) {
		List<String> types = new ArrayList<>();
		for (int at = 0; at + 8 <= mp4.length; at += ByteBuffer.wrap(mp4).getInt(at)) {
			types.add(new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1));
		}
		return types;
	}

	/** The entries of the (single) stco box, found by its type. */
	private static long[] chunkOffsets(byte[] mp4) {
		int type = ascii(mp4).indexOf("stco");
		assertThat(type).isPositive();
		ByteBuffer box = ByteBuffer.wrap(mp4);
		int count = box.getInt(type + 8);
		long[] offsets = new long[count];
		for (int i = 0; i < count; i++) {
			offsets[i] = Integer.toUnsignedLong(box.getInt(type + 12 + 4 * i));
		}
		return offsets;
	}

	private static byte[] replaced(byte[] bytes, String from, String to) {
		String text = ascii(bytes);
		int at = text.indexOf(from);
		assertThat(at).isPositive();
		byte[] copy = bytes.clone();
		System.arraycopy(ascii(to), 0, copy, at, 4);
		return copy;
	}

	private static Map<String, byte[]> withRelationship(Map<String, byte[]> parts, String type, String target,
			String part, String content) {
		String rels = new String(parts.get("word/_rels/document.xml.rels"), StandardCharsets.UTF_8);
		parts.put(
				"word/_rels/document.xml.rels", rels
					.replace("</Relationships>",
							"<Relationship Id=\"rId99\" Type=\"" + type + "\" Target=\"" + target
									+ "\"/></Relationships>")
					.getBytes(StandardCharsets.UTF_8));
		parts.put(part, content.getBytes(StandardCharsets.ISO_8859_1));
		return parts;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				parts.put(entry.getName(), in.readAllBytes());
			}
		}
		return parts;
	}

	private static byte[] zip(Map<String, byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = TipAttachmentCleaningTests.class.getResourceAsStream("files/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	private static String ascii(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
