package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A clue's attachments are taken by their content, and a photo among them is stored
 * upright and without the EXIF a phone wrote into it.
 */
@IntegrationTest
class ClueAttachmentTests extends ClueTestSupport {

	private static final byte[] ZIP = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };

	private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1, 0, 0 };

	@Test
	void aPortraitPhotoFromAPhoneIsStoredUprightWithoutItsExif() throws Exception {
		long id = registered("竖拍照片附件");
		byte[] photo = TestImages.portraitPhoto();

		assertThat(upload(this.huishi, id, "现场.jpg", photo)).isNull();

		Map<String, Object> row = this.jdbc
			.sql("select id, content_type, size_bytes, content from clue_attachment where clue_id = :c")
			.param("c", id)
			.query()
			.singleRow();
		byte[] stored = (byte[]) row.get("content");
		assertThat(row).containsEntry("content_type", "image/jpeg").containsEntry("size_bytes", stored.length);
		TestImages.assertUprightPortrait(stored);
		byte[] served = getAs(this.huishi, "/clues/" + id + "/attachments/" + row.get("id")).getContentAsByteArray();
		assertThat(served).isEqualTo(stored);
	}

	@Test
	void officeDocumentsAreTakenByContentAndNameTogether() throws Exception {
		long id = registered("附件类型");
		assertThat(upload(this.huishi, id, "笔录.docx", ZIP)).isNull();
		assertThat(upload(this.huishi, id, "台账.XLSX", ZIP)).isNull();
		assertThat(upload(this.huishi, id, "旧表.xls", OLE)).isNull();
		assertThat(upload(this.huishi, id, "报告.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(this.jdbc.sql("select content_type from clue_attachment where clue_id = :c order by id")
			.param("c", id)
			.query(String.class)
			.list()).containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
					"application/pdf");
	}

	@Test
	void whatTheContentDoesNotBearOutIsRefusedAndNothingStored() throws Exception {
		long id = registered("附件拒收");
		String refusal = "只能上传 JPG、PNG 图片或 PDF、Word、Excel 文件(按文件内容判断)";
		assertThat(upload(this.huishi, id, "伪装.pdf", "就是一段文字".getBytes(StandardCharsets.UTF_8))).isEqualTo(refusal);
		assertThat(upload(this.huishi, id, "照片.jpg", ZIP)).as("an archive named .jpg").isEqualTo(refusal);
		assertThat(upload(this.huishi, id, "程序.doc", new byte[] { 'M', 'Z', (byte) 0x90, 0 })).isEqualTo(refusal);
		assertThat(upload(this.huishi, id, "安装包.msi", OLE)).isEqualTo(refusal);
		assertThat(upload(this.huishi, id, "坏图.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1 }))
			.isEqualTo("图片“坏图.jpg”无法读取，请重新拍摄或另存为JPG后上传");
		assertThat(count("select count(*) from clue_attachment where clue_id = ?", id)).isZero();
	}

	/** The refusal shown after the upload, or null when it was stored. */
	private String upload(UserDetails who, long id, String name, byte[] content) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/clues/" + id + "/attachments")
				.file(new MockMultipartFile("file", name, "application/octet-stream", content))
				.with(user(who))
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/clues/" + id);
		Object error = result.getFlashMap().get("actionError");
		return (error == null) ? null : error.toString();
	}

}
