package org.fangfei.app.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A file's type comes from its first bytes; a name can only narrow a container. */
class FileTypeTests {

	@Test
	void picturesAsImageIoWritesThem() throws IOException {
		assertThat(FileType.of(picture("jpg"))).isEqualTo(FileType.JPEG);
		assertThat(FileType.of(picture("png"))).isEqualTo(FileType.PNG);
		assertThat(FileType.of(picture("gif"))).isEqualTo(FileType.GIF);
		assertThat(FileType.of(picture("bmp"))).isEqualTo(FileType.BMP);
		assertThat(FileType.of(picture("jpg")).contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void documentsRecordingsAndContainers() {
		assertThat(FileType.of(ascii("%PDF-1.7\n%âãÏÓ\n"))).isEqualTo(FileType.PDF);
		assertThat(FileType.of(bytes('P', 'K', 3, 4, 20, 0, 6, 0))).isEqualTo(FileType.ZIP);
		assertThat(FileType.of(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0))).isEqualTo(FileType.OLE);
		assertThat(FileType.of(ascii("#!AMR\n\u0004"))).isEqualTo(FileType.AMR);
		assertThat(FileType.of(ascii("#!AMR-WB\n\u0004"))).isEqualTo(FileType.AMR);
		assertThat(FileType.of(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 2, 0)))
			.isEqualTo(FileType.MP4);
		assertThat(FileType.of(bytes('I', 'D', '3', 4, 0, 0, 0, 0, 0, 0))).isEqualTo(FileType.MP3);
		assertThat(FileType.of(bytes(0xFF, 0xFB, 0x90, 0x64))).as("MPEG-1 layer III frame").isEqualTo(FileType.MP3);
		assertThat(FileType.of(bytes(0xFF, 0xF3, 0x64, 0xC4))).as("MPEG-2 layer III frame").isEqualTo(FileType.MP3);
	}

	@Test
	void textInAnyChineseEncodingIsTextAndBinaryIsNot() {
		String csv = "交易时间,付款账号,金额(元)\r\n2026-03-01 09:30,6222020000000001,\"1,200.50\"\r\n";
		assertThat(FileType.of(csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(FileType.TEXT);
		assertThat(FileType.of(csv.getBytes(Charset.forName("GBK")))).as("as Excel saves CSV in China")
			.isEqualTo(FileType.TEXT);
		assertThat(FileType.of(csv.getBytes(StandardCharsets.UTF_16LE))).as("NUL bytes").isEqualTo(FileType.UNKNOWN);
		assertThat(FileType.of(bytes('M', 'Z', 0x90, 0, 3, 0))).as("an executable").isEqualTo(FileType.UNKNOWN);
		assertThat(FileType.of(new byte[0])).isEqualTo(FileType.UNKNOWN);
		assertThat(FileType.of(null)).isEqualTo(FileType.UNKNOWN);
	}

	@Test
	void textThatBeginsLikeASignatureStaysText() {
		assertThat(FileType.of(ascii("BMW dealers,amount\n1,2\n"))).isEqualTo(FileType.TEXT);
		assertThat(FileType.of(ascii("ID3 tags,amount\n"))).isEqualTo(FileType.TEXT);
		assertThat(FileType.of(ascii("abcdftypM4A ,x\n"))).isEqualTo(FileType.TEXT);
		assertThat(FileType.of(ascii("GIF8 list\n"))).isEqualTo(FileType.TEXT);
	}

	@Test
	void aControlByteAfterTheProbeDoesNotMakeTextBinary() {
		byte[] text = new byte[FileType.TEXT_PROBE + 10];
		Arrays.fill(text, (byte) 'a');
		text[FileType.TEXT_PROBE + 5] = 0;
		assertThat(FileType.of(text)).isEqualTo(FileType.TEXT);
		text[FileType.TEXT_PROBE - 1] = 0;
		assertThat(FileType.of(text)).isEqualTo(FileType.UNKNOWN);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", textBlock = """
			ZIP,  材料.DOCX,  application/vnd.openxmlformats-officedocument.wordprocessingml.document
			ZIP,  流水.xlsx,  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
			ZIP,  照片.jpg,   null
			ZIP,  null,      null
			OLE,  旧文档.doc,  application/msword
			OLE,  旧表格.XLS,  application/vnd.ms-excel
			OLE,  a.msi,     null
			TEXT, 流水.csv,   text/csv
			TEXT, 说明.txt,   text/plain
			TEXT, 伪装.jpg,   text/plain
			JPEG, 伪装.pdf,   image/jpeg
			PDF,  null,      application/pdf
			""")
	void aNameNarrowsAContainerButNeverChangesTheContent(FileType type, String name, String mediaType) {
		assertThat(type.mediaType(name)).isEqualTo(mediaType);
	}

	@Test
	void theBrandTellsARecordingFromAVideo() {
		assertThat(FileType.brand(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '))).isEqualTo("M4A ");
		assertThat(FileType.brand(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'q', 't', ' ', ' '))).isEqualTo("qt  ");
		assertThat(FileType.brand(ascii("%PDF-1.7\n%"))).isNull();
	}

	private static byte[] picture(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
