package org.fangfei.app.tip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence follows the clue: a tip's attachments, cleaned of what could name the
 * reporter (a phone photo's EXIF with its GPS position), are attached to the clue the tip
 * raised, and so are the attachments a reporter adds later.
 */
@IntegrationTest
class TipEvidenceTests {

	@Autowired
	TipIntake intake;

	@Autowired
	TipTracking tracking;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTipsPhotoIsAttachedToItsClueWithoutItsExifOrPosition() {
		byte[] photo = TestImages.portraitPhoto();
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).as("the fixture carries EXIF with GPS")
			.contains("Exif")
			.contains(TestImages.PORTRAIT_MAKE);
		TipIntake.Receipt tip = this.intake.submit(new TipForm("620422100001", "证据跟随商行", "", "", "门口张贴高息宣传单，见照片。", "",
				"", false, "钱七", "13700009911", "", false, false, "", ""), List.of(TipFiles.clean(photo, 1)));
		long clue = clueOf(tip);

		List<Map<String, Object>> attachments = attachments(clue);
		assertThat(attachments).singleElement().satisfies(a -> {
			assertThat(a).containsEntry("file_name", "举报附件1.jpg")
				.containsEntry("content_type", "image/jpeg")
				.containsEntry("uploaded_by", "群众举报平台")
				.containsEntry("stage", "REGISTERED");
			TestImages.assertUprightPortrait((byte[]) a.get("content"));
			assertThat(new String((byte[]) a.get("content"), StandardCharsets.ISO_8859_1)).doesNotContain("钱七");
		});
		assertThat(this.jdbc.sql("select note from clue_event where clue_id = :c and kind = '附件'")
			.param("c", clue)
			.query(String.class)
			.single()).isEqualTo("群众举报附带 1 个附件(已去除拍摄位置等身份信息)");

		this.tracking.addInformation(tip.tipId(), "补充一张照片", List.of(TipFiles.clean(photo, 2)));
		assertThat(attachments(clue)).extracting(a -> a.get("file_name")).containsExactly("举报附件1.jpg", "举报补充附件1.jpg");
		TestImages.assertUprightPortrait((byte[]) attachments(clue).get(1).get("content"));
	}

	@Test
	void aTipWithoutAttachmentsAttachesNothing() {
		TipIntake.Receipt tip = this.intake.submit(new TipForm("620422100001", "无附件商行", "", "", "承诺月息三分，动员村民投资入股。", "",
				"", true, "", "", "", false, false, "", ""), List.of());
		assertThat(attachments(clueOf(tip))).isEmpty();
	}

	private List<Map<String, Object>> attachments(long clue) {
		return this.jdbc.sql("select * from clue_attachment where clue_id = :c order by id")
			.param("c", clue)
			.query()
			.listOfRows();
	}

	private long clueOf(TipIntake.Receipt tip) {
		return this.jdbc.sql("select clue_id from tip where id = :t")
			.param("t", tip.tipId())
			.query(Long.class)
			.single();
	}

}
