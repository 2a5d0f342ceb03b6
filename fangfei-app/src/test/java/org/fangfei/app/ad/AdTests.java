package org.fangfei.app.ad;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ad screening in the app (issue 16): pasted and uploaded batches, repeated posts
 * grouped, hits linked to ledger subjects by name (publishing {@link AdHitLinked}) and
 * turned into clues, every bad upload refused, the dictionary edited, scope and
 * permissions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
@RecordApplicationEvents
class AdTests {

	static final String FRAUD = "养老项目火热招募，投资10万元月息2分，保本保息，稳赚不赔，详询13800001111";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApplicationEvents events;

	UserDetails office;

	UserDetails leader;

	UserDetails huishi;

	String tag;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
		this.leader = this.accounts.ready("leader");
		this.huishi = this.accounts.ready("huishi");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	private MvcResult paste(UserDetails who, String text) throws Exception {
		return this.mvc.perform(post("/ads/paste").param("text", text).with(user(who)).with(csrf())).andReturn();
	}

	private MvcResult upload(String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/ads/upload").file(new MockMultipartFile("file", name, null, content))
				.with(user(this.office))
				.with(csrf()))
			.andReturn();
	}

	private long posts(String like) {
		return this.jdbc.sql("select count(*) from ad_post where body like :l")
			.param("l", "%" + like + "%")
			.query(Long.class)
			.single();
	}

	private long postId(String like) {
		return this.jdbc.sql("select max(id) from ad_post where body like :l")
			.param("l", "%" + like + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aPastedBatchIsScreenedAndRepeatsAreGrouped() throws Exception {
		String fraud = FRAUD + " " + this.tag;
		MvcResult r = paste(this.office, fraud + "\n\n" + fraud + "\n\n县农商银行定期存款年利率2.35%，受存款保险保障 " + this.tag);
		assertThat(r.getFlashMap().get("done")).isEqualTo("已排查 3 条，命中 2 条，关联主体 0 条");
		assertThat(posts(this.tag)).isEqualTo(3);
		String list = this.mvc.perform(get("/ads").param("text", this.tag).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("2 次", "保本承诺「保本保息」+45").doesNotContain("定期存款年利率");
		String all = this.mvc.perform(get("/ads").param("text", this.tag).param("all", "true").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(all).contains("定期存款年利率", "属正常水平");
	}

	@Test
	void nothingToScreenIsRefused() throws Exception {
		assertThat(paste(this.office, "  \n\n ").getFlashMap().get("actionError")).isEqualTo("没有可排查的文字");
	}

	@Test
	void aHitNamingALedgerSubjectIsLinkedAndTheRiskIndexIsTold() throws Exception {
		var subject = this.jdbc.sql("""
				select min(id) id, name from subject where region_code like '620422%' and name like '%公司'
				group by name having count(*) = 1 order by name limit 1""").query().singleRow();
		String name = (String) subject.get("name");
		String csv = "链接,标题,正文,时间\nhttps://bbs.example/t/1,招募 " + this.tag + ",\"" + name + "原始股内部认购，即将上市，年化收益36%，保本保息 "
				+ this.tag + "\",2026-11-30 09:15\n";
		MvcResult r = upload("posts.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat((String) r.getFlashMap().get("done")).contains("命中 1 条，关联主体 1 条");
		long id = postId(this.tag);
		var row = this.jdbc.sql("select subject_id, url, title, published_at from ad_post where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row.get("subject_id")).isEqualTo(subject.get("id"));
		assertThat(row.get("url")).isEqualTo("https://bbs.example/t/1");
		assertThat(this.events.stream(AdHitLinked.class))
			.anyMatch((e) -> e.hitId() == id && e.subjectId() == (Long) subject.get("id") && e.score() >= 50);
	}

	@Test
	void aHitBecomesAClueOnceAndALookAlikeCannot() throws Exception {
		paste(this.office, FRAUD + " " + this.tag + "\n\n防范非法集资，警惕保本保息的骗局 " + this.tag);
		long hit = postId("详询13800001111 " + this.tag);
		MvcResult first = this.mvc.perform(post("/ads/{id}/clue", hit).with(user(this.office)).with(csrf()))
			.andReturn();
		String done = (String) first.getFlashMap().get("done");
		assertThat(done).startsWith("已转为线索 XS");
		String code = done.substring("已转为线索 ".length());
		var clue = this.jdbc.sql("select source, source_detail, source_ref, description from clue where code = :c")
			.param("c", code)
			.query()
			.singleRow();
		assertThat(clue.get("source")).isEqualTo("MEDIA");
		assertThat(clue.get("source_detail")).isEqualTo("广告资讯排查");
		assertThat(clue.get("source_ref")).isEqualTo("AD-" + hit);
		assertThat((String) clue.get("description")).contains("保本承诺「保本保息」", this.tag);
		MvcResult again = this.mvc.perform(post("/ads/{id}/clue", hit).with(user(this.office)).with(csrf()))
			.andReturn();
		assertThat(again.getFlashMap().get("done")).isEqualTo("已转为线索 " + code);
		long publicity = postId("警惕保本保息的骗局 " + this.tag);
		MvcResult refused = this.mvc.perform(post("/ads/{id}/clue", publicity).with(user(this.office)).with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("actionError")).isEqualTo("未命中的广告资讯不能转为线索");
	}

	@Test
	void everyUploadIsCleanedOrRefused() throws Exception {
		String html = "<html><head><title>理财 " + this.tag + "</title><script>alert('x')</script></head><body><p>"
				+ FRAUD + "</p><img src=x onerror=alert(1)><p>" + this.tag + "</p></body></html>";
		assertThat((String) upload("page.html", html.getBytes(StandardCharsets.UTF_8)).getFlashMap().get("done"))
			.contains("已排查 1 条，命中 1 条");
		String body = this.jdbc.sql("select body from ad_post where title = :t")
			.param("t", "理财 " + this.tag)
			.query(String.class)
			.single();
		assertThat(body).contains("保本保息", this.tag).doesNotContain("<", "alert", "onerror");

		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText("稳 赚 不 赔，年化百分之三十 " + this.tag);
			doc.createParagraph().createRun().setText("");
			doc.createParagraph().createRun().setText("周末集市 " + this.tag);
			doc.write(docx);
		}
		assertThat((String) upload("ads.docx", docx.toByteArray()).getFlashMap().get("done"))
			.contains("已排查 2 条，命中 1 条");
		assertThat((String) upload("ads.txt", ("消费全返，月息两分半 " + this.tag).getBytes(StandardCharsets.UTF_8)).getFlashMap()
			.get("done")).contains("已排查 1 条，命中 1 条");

		Map<String, byte[]> bad = Map.of("evil.txt", new byte[] { 0x4d, 0x5a, 0, 0, 3, 0 }, "x.docx",
				"not a zip".getBytes(StandardCharsets.UTF_8), "x.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8),
				"empty.txt", new byte[0], "nobody.csv", "链接,标题\nhttps://a,b\n".getBytes(StandardCharsets.UTF_8),
				"time.csv", ("正文,时间\n保本保息 " + this.tag + ",2026-11-30\n保本保息,昨天\n").getBytes(StandardCharsets.UTF_8),
				"url.csv", ("正文,链接\n保本保息 " + this.tag + ",javascript:alert(1)\n").getBytes(StandardCharsets.UTF_8),
				"blank.csv", "正文,标题\n,b\n".getBytes(StandardCharsets.UTF_8));
		Map<String, String> said = Map.of("evil.txt", "文件内容与扩展名不符：“evil.txt”不是真正的txt 文件", "x.docx",
				"文件内容与扩展名不符：“x.docx”不是真正的docx 文件", "x.pdf", "只支持 .txt、.html、.docx、.xlsx 或 .csv 文件", "empty.txt",
				"请选择要上传的文件", "nobody.csv", "表头中没有“正文”列（可写 正文、内容 或 text；另可有 链接、标题、时间 列）", "time.csv",
				"第 3 行的时间“昨天”无法识别，请写成 2026-12-07 09:30 或 2026-12-07", "url.csv",
				"第 1 条链接“javascript:alert(1)”不是 http(s) 网址", "blank.csv", "第 2 行没有正文");
		long before = posts(this.tag);
		for (var e : bad.entrySet()) {
			assertThat(upload(e.getKey(), e.getValue()).getFlashMap().get("actionError")).as(e.getKey())
				.isEqualTo(said.get(e.getKey()));
		}
		assertThat(posts(this.tag)).as("a refused batch writes nothing").isEqualTo(before);
	}

	@Test
	void theDictionaryIsEditedCheckedAndUsed() throws Exception {
		MvcResult refused = this.mvc.perform(
				post("/ads/dictionary").param("body", "保本承诺 40 保本保息\n乱写 10 某词").with(user(this.office)).with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("词库第 2 行：未知类别“乱写”");
		String text = this.mvc.perform(get("/ads/dictionary").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(text).contains("保本承诺 45 保本保息");
		try {
			String added = org.fangfei.detect.screen.ScreenDictionary.builtIn().text() + "\n虚构项目 60 月球土地\n";
			this.mvc.perform(post("/ads/dictionary").param("body", added).with(user(this.office)).with(csrf()));
			paste(this.office, "月球土地认领 " + this.tag);
			assertThat(this.jdbc.sql("select flagged from ad_post where id = :id")
				.param("id", postId("月球土地认领 " + this.tag))
				.query(Boolean.class)
				.single()).isTrue();
		}
		finally {
			this.mvc.perform(post("/ads/dictionary").param("reset", "true").with(user(this.office)).with(csrf()));
		}
		paste(this.office, "月球土地认领 " + this.tag + " 2");
		assertThat(this.jdbc.sql("select flagged from ad_post where id = :id")
			.param("id", postId("月球土地认领 " + this.tag + " 2"))
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void scopeAndPermissions() throws Exception {
		paste(this.office, FRAUD + " county " + this.tag);
		long county = postId("county " + this.tag);
		assertThat(this.mvc.perform(get("/ads/{id}", county).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getStatus()).as("a township does not see the county's screening").isEqualTo(404);
		paste(this.huishi, FRAUD + " township " + this.tag);
		long township = postId("township " + this.tag);
		assertThat(this.mvc.perform(get("/ads/{id}", township).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/ads").with(user(this.leader))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(paste(this.leader, FRAUD).getResponse().getStatus()).as("leaders read, they do not screen")
			.isEqualTo(403);
		assertThat(this.mvc.perform(post("/ads/{id}/clue", township).with(user(this.huishi)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(
				this.mvc.perform(get("/ads/dictionary").with(user(this.huishi))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void theApiScreensAllOrNothingAndTheHitsExport() throws Exception {
		String ok = "[{\"url\":\"https://a.example/1\",\"title\":\"t\",\"text\":\"" + FRAUD + " api " + this.tag
				+ "\",\"publishedAt\":\"2026-11-30T09:00:00+08:00\"}]";
		String answer = this.mvc
			.perform(post("/api/v1/ads/screen").contentType(MediaType.APPLICATION_JSON)
				.content(ok)
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("\"texts\":1", "\"hits\":1");
		String bad = "[{\"text\":\"" + FRAUD + " api2 " + this.tag + "\"},{\"text\":\"\"}]";
		MvcResult refused = this.mvc
			.perform(post("/api/v1/ads/screen").contentType(MediaType.APPLICATION_JSON)
				.content(bad)
				.with(user(this.office))
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("第 2 条没有正文");
		assertThat(posts("api2 " + this.tag)).isZero();
		MvcResult xlsx = this.mvc.perform(get("/ads/export").param("text", this.tag).with(user(this.office)))
			.andReturn();
		assertThat(xlsx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		assertThat(xlsx.getResponse().getContentAsByteArray()[0]).isEqualTo((byte) 'P');
	}

}
