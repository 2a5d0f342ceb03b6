package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.organisation.People;
import org.fangfei.app.organisation.Person;
import org.fangfei.app.organisation.PersonRole;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo outreach in 会宁县 when there is none, made through the module's own services: the
 * year's plan per township, a year of activities across the 七进 venues (a fixed seed, so
 * every start of an empty database makes the same), materials, volunteers, two industry
 * associations with a report that becomes a clue, two awareness surveys with answers,
 * typical cases from the county's closed cases, and training sessions that leave some
 * grid workers untrained. Self-contained, so that it can move to a common demo mechanism.
 */
@Component
class DemoOutreach implements DemoPart {

	static final String COUNTY = "620422000000";

	private final Activities activities;

	private final Plans plans;

	private final Library library;

	private final SocialForces social;

	private final Surveys surveys;

	private final TypicalCases typicalCases;

	private final Trainings trainings;

	private final CaseDirectory cases;

	private final People people;

	private final JdbcClient jdbc;

	DemoOutreach(Activities activities, Plans plans, Library library, SocialForces social, Surveys surveys,
			TypicalCases typicalCases, Trainings trainings, CaseDirectory cases, People people, JdbcClient jdbc) {
		this.activities = activities;
		this.plans = plans;
		this.library = library;
		this.social = social;
		this.surveys = surveys;
		this.typicalCases = typicalCases;
		this.trainings = trainings;
		this.cases = cases;
		this.people = people;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "outreach.year";
	}

	@Override
	public int order() {
		return 96;
	}

	@Override
	public void run() {
		boolean county = this.jdbc.sql("select count(*) from region where code = :c")
			.param("c", COUNTY)
			.query(Long.class)
			.single() > 0;
		boolean empty = this.jdbc.sql("select count(*) from outreach_activity").query(Long.class).single() == 0;
		if (county && empty) {
			load();
		}
	}

	static Actor office() {
		return new Actor(0, "system", "演示数据", COUNTY, null, true, Set.of("OFFICE"),
				Set.of(Activities.EDIT, Plans.EDIT, Trainings.EDIT, SocialForces.CLUE_INTAKE),
				DataScope.jurisdiction(COUNTY));
	}

	private void load() {
		Actor actor = office();
		LocalDate today = Times.today();
		Random random = new Random(17);
		List<String> townships = codes("TOWNSHIP", 12);
		List<String> villages = codes("VILLAGE", 60);
		for (int i = 0; i < townships.size(); i++) {
			this.plans.set(today.getYear(), townships.get(i), 8 + (i % 3) * 2, 1500 + 250 * (i % 4), actor);
		}
		long leaflet = this.library.create(new Library.MaterialForm(MaterialKind.LEAFLET, "防范非法集资宣传折页(2026版)", COUNTY,
				20000, "识别非法集资“四个特征”，举报渠道和奖励办法"), actor);
		long poster = this.library
			.create(new Library.MaterialForm(MaterialKind.POSTER, "“守住钱袋子”宣传海报", COUNTY, 800, "张贴于村委会、社区和金融网点"), actor);
		long video = this.library.create(
				new Library.MaterialForm(MaterialKind.VIDEO, "以养老为名非法集资警示片", COUNTY, 0, "时长6分钟，LED屏和微信公众号播放"), actor);
		this.library.create(new Library.MaterialForm(MaterialKind.BROCHURE, "防范非法集资知识手册", COUNTY, 5000, "面向老年人的大字版"),
				actor);
		List<Long> volunteers = new ArrayList<>();
		String[][] people = { { "马红梅", "会师镇东山根社区" }, { "李志刚", "县农商银行" }, { "王丽娟", "县第一中学" }, { "张国栋", "退休教师" },
				{ "杨晓燕", "河畔镇卫生院" }, { "赵文斌", "县司法局" } };
		for (int i = 0; i < people.length; i++) {
			volunteers.add(this.social.addVolunteer(new SocialForces.VolunteerForm(people[i][0],
					villages.get(i % villages.size()), people[i][1], i % 2 == 0 ? "宣讲" : "法律咨询", today.minusMonths(11)),
					actor));
		}
		long bankers = this.social.addAssociation(new SocialForces.AssociationForm("会宁县银行业协会", COUNTY, "", "刘晓峰", 14),
				actor);
		long elderly = this.social.addAssociation(new SocialForces.AssociationForm("会宁县养老服务业协会", COUNTY, "", "孙桂珍", 23),
				actor);
		Venue[] venues = Venue.values();
		OutreachForm[] forms = OutreachForm.values();
		for (int i = 0; i < 96; i++) {
			Venue venue = venues[i % (venues.length - 1)];
			String region = venue == Venue.AGENCY || venue == Venue.SCHOOL ? townships.get(i % townships.size())
					: villages.get(random.nextInt(villages.size()));
			LocalDate on = today.minusDays(2 + random.nextInt(360));
			List<OutreachForm> used = List.of(forms[i % forms.length], forms[(i + 2) % forms.length]);
			boolean older = venue == Venue.COMMUNITY || venue == Venue.SQUARE || venue == Venue.FAMILY;
			this.activities
				.create(new Activities.ActivityForm(venue, on, region, place(venue, i), i % 4 == 0 ? "县处非办" : "乡镇处非工作站",
						used, 30 + random.nextInt(400), older, i % 5 == 0, 20 + random.nextInt(300),
						venue == Venue.BANK ? Long.valueOf(bankers)
								: venue == Venue.COMMUNITY && i % 3 == 0 ? Long.valueOf(elderly) : null,
						i % 3 == 0 ? List.of(leaflet, poster) : i % 3 == 1 ? List.of(leaflet) : List.of(video),
						i % 4 == 0 ? List.of(volunteers.get(i % volunteers.size())) : List.of(),
						"围绕“守住钱袋子·护好幸福家”主题，讲解非法集资的特征和常见手法，现场解答群众咨询。"), List.of(), actor);
		}
		this.social.report(elderly, new SocialForces.ReportForm("会宁县安康颐养服务中心", villages.get(3), today.minusDays(4),
				"该会员单位向老年人推销“养老床位预售卡”，承诺年返利12%，已有数十名老人交款。", "600000"), actor);
		surveys(actor, townships, villages, today, random);
		List<String> titles = List.of("某种养专业合作社以入股分红为名非法吸收公众存款案", "某养老服务公司以预售养老床位为名非法集资案");
		List<CaseDirectory.CaseRef> closedCases = this.cases.recentClosed(actor.scope(), 5);
		for (int i = 0; i < closedCases.size(); i++) {
			TypicalCases.TypicalCaseForm draft = this.typicalCases.draft(closedCases.get(i).id(), actor.scope());
			String title = i < titles.size() ? titles.get(i) : draft.title();
			this.typicalCases.create(
					new TypicalCases.TypicalCaseForm(draft.caseId(), title, draft.scheme(),
							"网格员走访中发现群众反映收益“太高”，经资金监测比对后移交处非办研判。", draft.outcome(), draft.law(), draft.lessons(), true),
					actor);
		}
		trainings(actor, today);
	}

	private void surveys(Actor actor, List<String> townships, List<String> villages, LocalDate today, Random random) {
		long first = this.surveys.create(
				new Surveys.SurveyForm("上半年防范非法集资知晓率调查", COUNTY, today.minusMonths(7), today.minusMonths(5), 80),
				actor);
		long second = this.surveys.create(
				new Surveys.SurveyForm("下半年防范非法集资知晓率调查", COUNTY, today.minusDays(20), today.plusDays(40), 80), actor);
		AgeBand[] bands = AgeBand.values();
		for (long id : List.of(first, second)) {
			Surveys.AwarenessSurvey s = this.surveys.get(id, actor.scope());
			int answers = id == first ? 180 : 120;
			for (int i = 0; i < answers; i++) {
				String region = i % 4 == 0 ? townships.get(random.nextInt(4)) : villages.get(random.nextInt(12));
				StringBuilder sheet = new StringBuilder();
				for (AwarenessQuiz.Question q : AwarenessQuiz.QUESTIONS) {
					// the second half-year knows more; older people a little less
					int chance = (id == first ? 72 : 84) - (i % bands.length >= 3 ? 10 : 0);
					sheet.append(random.nextInt(100) < chance ? q.answer() : (q.answer() + 1) % q.options().size());
				}
				this.surveys.store(s, this.surveys.link(s, region).orElseThrow(), bands[i % bands.length],
						sheet.toString());
			}
		}
	}

	private void trainings(Actor actor, LocalDate today) {
		List<Long> leaders = ids(PersonRole.GRID_LEADER, 40);
		List<Long> workers = ids(PersonRole.GRID_WORKER, 200);
		this.trainings.create(new Trainings.SessionForm("防范和处置非法集资条例解读", today.minusMonths(9), COUNTY, "县处非办 王静", "3",
				"条例全文、解读课件", leaders), actor);
		this.trainings.create(new Trainings.SessionForm("网格员识别非法集资风险实务", today.minusMonths(4), COUNTY, "县公安局经侦大队",
				"2.5", "常见手法案例集", workers.subList(0, Math.min(80, workers.size()))), actor);
		this.trainings.create(new Trainings.SessionForm("走访巡查和线索报送操作培训", today.minusMonths(1), COUNTY, "县处非办 周强", "2",
				"系统操作手册", workers.subList(40, Math.min(120, workers.size()))), actor);
	}

	private List<Long> ids(PersonRole role, int max) {
		return this.people.search(null, role, null, DataScope.jurisdiction(COUNTY), PageRequest.of(1, max))
			.items()
			.stream()
			.map(Person::id)
			.toList();
	}

	private List<String> codes(String level, int max) {
		return this.jdbc
			.sql("select code from region where level = :level and code like '620422%' and enabled order by code limit "
					+ max)
			.param("level", level)
			.query(String.class)
			.list();
	}

	private static String place(Venue venue, int i) {
		return switch (venue) {
			case AGENCY -> "镇政府会议室";
			case ENTERPRISE -> "工业园区企业" + (i % 5 + 1) + "号厂房";
			case SCHOOL -> "中心小学操场";
			case COMMUNITY -> "社区服务中心";
			case VILLAGE -> "村委会广场";
			case FAMILY -> "入户走访" + (i % 9 + 3) + "户";
			case SQUARE -> "集市路口";
			case BANK -> "农商银行营业厅";
			case OTHER -> "其他";
		};
	}

}
