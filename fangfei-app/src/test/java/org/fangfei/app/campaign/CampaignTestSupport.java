package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.fangfei.app.TestAccounts;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the campaign tests share: the demo accounts as actors and principals, a tag that
 * keeps each test's names apart in the shared database, and a small campaign of their own
 * — started three months ago, one monthly task led by 会师镇 with 河畔镇 assisting.
 */
abstract class CampaignTestSupport {

	static final String HUISHI = "620422100000";

	static final String HEPAN = "620422102000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ActorDirectory actors;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignTasks tasks;

	@Autowired
	Progress progress;

	Actor office;

	Actor huishi;

	Actor hepan;

	Actor market;

	UserDetails officeUser;

	UserDetails huishiUser;

	UserDetails hepanUser;

	String tag;

	LocalDate today;

	@BeforeEach
	void setUpActors() {
		this.officeUser = this.accounts.ready("office");
		this.huishiUser = this.accounts.ready("huishi");
		this.hepanUser = this.accounts.ready("hepan");
		this.accounts.ready("market");
		this.office = this.actors.actorOf("office");
		this.huishi = this.actors.actorOf("huishi");
		this.hepan = this.actors.actorOf("hepan");
		this.market = this.actors.actorOf("market");
		this.tag = Long.toString(System.nanoTime(), 36);
		this.today = Times.today();
	}

	LocalDate start() {
		return YearMonth.from(this.today).minusMonths(3).atDay(1);
	}

	/** A campaign of this test with one monthly task: 会师镇 leads, 河畔镇 assists. */
	long smallCampaign() {
		long id = this.campaigns.create(
				new CampaignForms.Header("测试行动" + this.tag, "测试〔2026〕1号", start(), start().plusMonths(12).minusDays(1)),
				this.office);
		this.tasks.save(id, null,
				task("月报任务" + this.tag, Period.MONTHLY, null, List.of("R:" + HUISHI), List.of("R:" + HEPAN)),
				this.office);
		return id;
	}

	static CampaignForms.TaskForm task(String title, Period period, LocalDate dueOn, List<String> leads,
			List<String> assists) {
		return new CampaignForms.TaskForm(1, "测试类别", title, "任务内容", period, 5, dueOn, leads, "", assists);
	}

	Campaign.Unit unit(long campaignId, String regionCode) {
		return this.campaigns.load(campaignId)
			.tasks()
			.stream()
			.flatMap(t -> t.units().stream())
			.filter(u -> regionCode.equals(u.regionCode()))
			.findFirst()
			.orElseThrow();
	}

	static java.time.OffsetDateTime at(LocalDate day) {
		return Times.atCounty(day.atTime(LocalTime.of(10, 0)));
	}

	long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

}
