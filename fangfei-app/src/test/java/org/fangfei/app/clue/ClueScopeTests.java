package org.fangfei.app.clue;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Data scope (数据权限): a township sees and acts on the clues of its own territory only — by
 * page, by API, in lists and for attachments; a department sees a clue dispatched to it
 * or in the sectors it supervises; a grid worker has no clue access at all.
 */
@IntegrationTest
class ClueScopeTests extends ClueTestSupport {

	@Test
	void anotherTownshipCannotSeeOrActOnTheClue() throws Exception {
		long id = registered("他镇不可见");
		toDispatched(id);

		assertThat(getAs(this.hepan, "/clues/" + id).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/api/v1/clues/" + id).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/api/v1/clues/" + id).getContentAsString()).doesNotContain(this.tag);
		assertThat(forbidden(this.hepan, id, "RECEIVE", Map.of())).isEqualTo(404);
		assertThat(forbidden(this.hepan, id, "RETURN", note("不是我镇的"))).isEqualTo(404);
		assertThat(listedIds(this.hepan, "text=" + this.tag)).doesNotContain(id);
		assertThat(listedIds(this.huishi, "text=" + this.tag)).contains(id);
		assertThat(getAs(this.huishi, "/clues/" + id).getStatus()).isEqualTo(200);
		assertThat(getAs(this.hepan, "/clues?text=" + this.tag).getContentAsString()).doesNotContain(code(id));

		long commentsBefore = events(id, "意见").size();
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/clues/" + id + "/comment")
				.param("note", "越权评论")
				.with(user(this.hepan))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(events(id, "意见")).hasSize((int) commentsBefore);
	}

	@Test
	void aDepartmentSeesAClueOnlyWhenDispatchedToItOrInItsSectors() throws Exception {
		long id = registered("部门可见");
		long market = departmentOf("market");
		assertThat(getAs(this.market, "/api/v1/clues/" + id).getStatus()).isEqualTo(404);
		assertThat(listedIds(this.market, "text=" + this.tag)).doesNotContain(id);

		ok(this.office, id, "ACCEPT");
		ok(this.office, id, "DISPATCH", Map.of("unit", "D" + market, "note", "涉及无照经营，由市场监管局牵头核查"));
		assertThat(clueRow(id)).containsEntry("handler_department_id", market);
		assertThat(getAs(this.market, "/api/v1/clues/" + id).getStatus()).isEqualTo(200);
		assertThat(listedIds(this.market, "text=" + this.tag)).contains(id);
		assertThat(notices(id)).anySatisfy(n -> assertThat(n).containsEntry("recipient_key", "department:" + market)
			.containsEntry("resolved_at", null));
		ok(this.market, id, "RECEIVE");
		assertThat(state(id)).isEqualTo("VERIFYING");
		// 会师镇 still sees the clue of its territory but is not the handler
		assertThat(refused(400, this.huishi, id, "VERIFY", verification())).contains("只有承办单位");

		Map<String, Object> inSector = hotline("部门行业可见");
		inSector.put("sectorCode", "INVESTMENT_CONSULTING");
		long sectorClue = registered(inSector);
		assertThat(getAs(this.market, "/api/v1/clues/" + sectorClue).getStatus()).isEqualTo(200);
		assertThat(listedIds(this.market, "text=" + this.tag)).contains(sectorClue);
	}

	private long registered(Map<String, Object> form) throws Exception {
		return register(this.office, form);
	}

	@Test
	void aGridWorkerHasNoClueAccess() throws Exception {
		long id = registered("网格员无权");
		assertThat(getAs(this.grid, "/api/v1/clues").getStatus()).isEqualTo(403);
		assertThat(getAs(this.grid, "/api/v1/clues/" + id).getStatus()).isEqualTo(403);
		assertThat(getAs(this.grid, "/clues").getStatus()).isEqualTo(403);
		assertThat(forbidden(this.grid, id, "ACCEPT", Map.of())).isEqualTo(403);
		long before = count("select count(*) from clue");
		assertThat(postJson(this.grid, "/api/v1/clues", hotline("网格员登记")).getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from clue")).isEqualTo(before);
	}

	@Test
	void aTownshipCannotRegisterAClueOutsideItsTerritory() throws Exception {
		Map<String, Object> form = hotline("越界登记");
		form.put("regionCode", hepanVillage());
		long before = count("select count(*) from clue");
		var response = postJson(this.huishi, "/api/v1/clues", form);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("regionCode", "不在您的管辖范围内");
		assertThat(count("select count(*) from clue")).isEqualTo(before);

		form.put("regionCode", HUISHI_VILLAGE);
		long own = register(this.huishi, form);
		assertThat(clueRow(own)).containsEntry("created_by", "huishi").containsEntry("region_code", HUISHI_VILLAGE);
	}

	@Test
	void attachmentsOfAnotherTownshipsClueAreNotFound() throws Exception {
		long id = registered("附件范围");
		long attachment = upload(this.huishi, id, 302);
		assertThat(count("select count(*) from clue_attachment where clue_id = ?", id)).isOne();
		assertThat(audits(id)).contains("CLUE_ATTACH");

		assertThat(getAs(this.huishi, "/clues/" + id + "/attachments/" + attachment).getStatus()).isEqualTo(200);
		assertThat(getAs(this.hepan, "/clues/" + id + "/attachments/" + attachment).getStatus()).isEqualTo(404);
		upload(this.hepan, id, 404);
		assertThat(count("select count(*) from clue_attachment where clue_id = ?", id)).isOne();
		// an attachment id of one clue under another clue's path is not found either
		long other = register(this.hepan, hepanClue());
		assertThat(getAs(this.hepan, "/clues/" + other + "/attachments/" + attachment).getStatus()).isEqualTo(404);
	}

	private Map<String, Object> hepanClue() {
		Map<String, Object> form = hotline("河畔镇线索");
		form.put("regionCode", hepanVillage());
		return form;
	}

	private long upload(UserDetails who, long id, int expectedStatus) throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
		int status = this.mvc
			.perform(multipart("/clues/" + id + "/attachments")
				.file(new MockMultipartFile("file", "现场.png", "image/png", png.toByteArray()))
				.with(user(who))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(expectedStatus);
		return count("select coalesce(max(id), 0) from clue_attachment where clue_id = ?", id);
	}

	private String hepanVillage() {
		return this.jdbc.sql("select min(code) from region where parent_code = :p")
			.param("p", HEPAN)
			.query(String.class)
			.single();
	}

}
