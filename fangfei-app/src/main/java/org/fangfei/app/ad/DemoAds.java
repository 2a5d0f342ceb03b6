package org.fangfei.app.ad;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo ad screening in 会宁县, through the module's own services: a crawled batch of posts
 * from the last weeks — fundraising ads naming two ledger subjects (linked by name), one
 * posted three times, evasions written with spaces and traditional characters, and the
 * look-alikes that must not be hits (a bank's deposit rates, a wealth product's
 * disclaimer, the office's own publicity) — and one hit turned into a clue.
 */
@Component
class DemoAds implements DemoPart {

	static final String COUNTY = "620422000000";

	private final AdScreening screening;

	private final AdPosts posts;

	private final AdClues clues;

	private final Subjects subjects;

	private final JdbcClient jdbc;

	DemoAds(AdScreening screening, AdPosts posts, AdClues clues, Subjects subjects, JdbcClient jdbc) {
		this.screening = screening;
		this.posts = posts;
		this.clues = clues;
		this.subjects = subjects;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "ad.screened-batch";
	}

	@Override
	public int order() {
		return 140;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		boolean county = this.jdbc.sql("select count(*) from region where code = :c")
			.param("c", COUNTY)
			.query(Long.class)
			.single() > 0;
		if (county && this.jdbc.sql("select count(*) from ad_post").query(Long.class).single() == 0) {
			load();
		}
	}

	static Actor office() {
		return new Actor(0, "system", "演示数据", COUNTY, null, true, Set.of("OFFICE"),
				Set.of("ad:ad:view", "ad:ad:screen", "ad:ad:clue", "clue:clue:create"), DataScope.jurisdiction(COUNTY));
	}

	private void load() {
		Actor actor = office();
		List<Subject> found = this.subjects.list(SubjectQuery.all(), DataScope.jurisdiction(COUNTY), 200)
			.stream()
			.filter((s) -> AdLinks.names(s.name()).contains(s.name()))
			.filter((s) -> this.subjects.soleNamed(s.name()).isPresent())
			.limit(2)
			.toList();
		String first = found.isEmpty() ? "会宁县鑫盛投资管理有限公司" : found.get(0).name();
		String second = found.size() < 2 ? "会宁县福瑞祥农业专业合作社" : found.get(1).name();
		OffsetDateTime now = Times.now();
		List<PostInput> batch = new ArrayList<>();
		String repeated = first + "养老项目火热招募，投资10万元月息2分，保本保息，稳赚不赔，推荐新人再奖5%，详询13800001111。";
		for (int i = 0; i < 3; i++) {
			batch.add(post("https://tieba.example/p/" + (8801 + i), "会宁本地理财群转发", repeated, now.minusDays(20 - i * 6)));
		}
		batch.add(post("https://weibo.example/u/5521", "原始股内部认购", "穩賺不賠！" + second + "原始股內部認購，即將上市，年化收益百分之三十六，名额有限加微信。",
				now.minusDays(9)));
		batch.add(post("https://douyin.example/v/771", null, "保 本 保 息，日息千分之三，发展下线拿见点奖，扫码入群了解。", now.minusDays(4)));
		batch.add(post("https://mp.example/s/203", "消费全返", "会员消费全返，购物满一万全额返还，月息两分半，每月返息。", now.minusDays(2)));
		batch.add(post("https://bank.example/notice/12", "定期存款利率公告", "县农商银行三年期定期存款年利率2.35%，大额存单20万起存，受存款保险保障。",
				now.minusDays(15)));
		batch.add(post("https://bank.example/wealth/3", "理财产品说明",
				"本产品为非保本浮动收益型理财产品，业绩比较基准3.0%-3.6%，不代表实际收益。理财非存款，产品有风险，投资须谨慎。", now.minusDays(12)));
		batch.add(post("https://gov.example/chufei/88", "防范非法集资宣传",
				"警惕“保本高收益”！凡是承诺高额回报的都是骗局，防范非法集资，守护好您的钱袋子。发现线索请向县处非办举报。", now.minusDays(6)));
		batch.add(post(null, "周末集市", "城关镇建设路周末集市早上七点开始，新鲜蔬菜水果，欢迎选购。", now.minusDays(1)));
		AdScreening.Screened screened = this.screening.screen(batch, "UPLOAD", "网络广告爬取结果（演示）.xlsx", actor);
		this.posts
			.search(new AdPosts.Query(false, screened.batchId(), null, null), actor.scope(),
					org.fangfei.app.shared.PageRequest.of(1))
			.items()
			.stream()
			.filter((p) -> p.subjectId() != null)
			.findFirst()
			.ifPresent((p) -> this.clues.toClue(p.id(), actor));
	}

	private static PostInput post(String url, String title, String text, OffsetDateTime at) {
		return new PostInput(url, title, text, at);
	}

}
