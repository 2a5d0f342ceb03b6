package org.fangfei.app.tip;

import java.util.List;

import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's tips from the public: {@value #COUNT} tips over the past twelve
 * months through {@link TipIntake#submit} — the portal's own path after its CAPTCHA —
 * each with its tracking code and its clue (anonymous or named, some asking for a reward,
 * a few of those declaring they work for a member unit, which excludes a reward); the
 * clue part then moves their clues along like any other. They come from the villages of
 * the demo's two townships (会师镇, 河畔镇), whose accounts handle what is sent to them.
 * Tracking codes stay random, as they are secrets.
 */
@Component
class DemoTips implements DemoPart {

	static final int COUNT = 80;

	private static final String[] WHAT = { "在村委会附近摆摊宣传，称投资养老公寓每月返息2%，到期还本，很多老人都交了钱。", "通过微信群拉人入会，交一万元会员费每月返利一千，还要发展下线。",
			"以合作社名义动员村民入股，承诺年底分红20%，入股不签合同只打收条。", "门店举办免费健康讲座，向老年人推销保健品，称购买后可按月返还本金。", "推荐下载一个数字藏品交易软件，说稳赚不赔，先充值才能买。",
			"售楼处口头承诺商铺售后包租，每年返租10%，已有几十户交了定金。" };

	private final TipIntake intake;

	private final JdbcClient jdbc;

	DemoTips(TipIntake intake, JdbcClient jdbc) {
		this.intake = intake;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "tip.year";
	}

	@Override
	public int order() {
		return 125;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(125);
		List<String> villages = this.jdbc.sql("""
				select code from region where level = 'VILLAGE'
				  and (code like '620422100%' or code like '620422102%') order by code
				""").query(String.class).list();
		for (int n = 0; n < COUNT; n++) {
			boolean named = demo.chance(0.4);
			String subject = "会宁县" + demo.firm() + demo.firm().charAt(0)
					+ demo.pick(new String[] { "养老服务中心", "商贸有限公司", "种植农民专业合作社", "健康科技有限公司", "网络科技有限公司", "置业有限公司" });
			TipForm form = new TipForm(demo.pick(villages), subject, null, null, demo.pick(WHAT),
					Long.toString(10_000L * (1 + demo.below(200))), Integer.toString(5 + demo.below(100)), !named,
					named ? demo.personName() : null, named ? demo.phone() : null, null,
					named && (demo.chance(0.6) | n % 3 != 0), named && n % 4 == 1, null, null);
			try (Times.Held held = Times.holdAt(demo.daysAgo(364 - n * 364 / COUNT))) {
				this.intake.submit(form, List.of());
			}
		}
	}

}
