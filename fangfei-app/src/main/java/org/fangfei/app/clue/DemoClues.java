package org.fangfei.app.clue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's clues: {@value #COUNT} clues from every channel over the past
 * twelve months, each registered through {@link ClueIntake} and moved through
 * {@link ClueMoves} — the API's own path, with its rules, timeline, working-day
 * deadlines, notices and tallies — by the demo accounts, with the clock held at each
 * move's moment. Each clue has a story (rejected, merged, returned once, more
 * verification asked, determined each way, disputed and resolved or not, measures,
 * feedback, closing, a look-back) that stops where it reaches now or where the story
 * says, so every state is present; a clue whose step is past its deadline is overdue, and
 * some open ones are listed for supervision. Clues of townships without a demo account
 * wait for it.
 */
@Component
class DemoClues implements DemoPart {

	static final int COUNT = 600;

	private static final String HUISHI = "620422100000";

	private static final String HEPAN = "620422102000";

	private static final String[] SCHEMES = { "GUARANTEED_HIGH_RETURN", "ELDERLY_CARE", "COOPERATIVE_SHARES",
			"CONSUMPTION_REBATE", "LEASEBACK", "VIRTUAL_CURRENCY", "PRINCIPAL_BACK_SALES", "FAKE_PROJECT",
			"ORIGINAL_SHARES", "PRIVATE_LOAN", "MEMBERSHIP_REBATE" };

	private static final String[] SCHEME_WORDS = { "承诺保本高息", "以养老服务名义收取会员费", "以入股分红名义吸收股金", "以消费返利为诱饵", "以售后包租、返租为名",
			"以虚拟货币投资为名", "以返本销售为名", "以虚构种植养殖项目为名", "以原始股上市为名", "以借款付高息为名", "以会员拉人头返利为名" };

	private static final String[] SECTORS = { "INVESTMENT_CONSULTING", "COMMERCE_SERVICE", "HEALTH_PRODUCTS",
			"THIRD_PARTY_WEALTH", "ELDERLY_CARE", "FARMER_COOPERATIVE", "REAL_ESTATE", "VIRTUAL_CURRENCY",
			"AGRICULTURE", "PRIVATE_LENDING_AGENCY" };

	/** The sectors the demo department (市场监管局) supervises. */
	private static final List<String> MARKET_SECTORS = List.of("INVESTMENT_CONSULTING", "COMMERCE_SERVICE",
			"HEALTH_PRODUCTS", "THIRD_PARTY_WEALTH");

	/** How one clue's story goes; it stops earlier when it reaches now. */
	private record Story(boolean reject, boolean merge, boolean returnOnce, boolean askMore,
			Determination determination, boolean dispute, Determination ruling, boolean lookBack, ClueState stopAt) {
	}

	private final ClueIntake intake;

	private final ClueMoves moves;

	private final Supervision supervision;

	private final ActorDirectory actors;

	private final JdbcClient jdbc;

	DemoClues(ClueIntake intake, ClueMoves moves, Supervision supervision, ActorDirectory actors, JdbcClient jdbc) {
		this.intake = intake;
		this.moves = moves;
		this.supervision = supervision;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "clue.year";
	}

	@Override
	public int order() {
		return 130;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		new Run(new DemoNames(130)).all();
	}

	/** One pass over the year, with its generator and the demo's acting accounts. */
	private final class Run {

		private final DemoNames demo;

		private final Actor office;

		private final Actor chief;

		private final Actor leader;

		private final Actor huishi;

		private final Actor hepan;

		private final Actor market;

		private final List<String> villages;

		private final java.util.Map<String, Actor> townshipStaff = new java.util.HashMap<>();

		private OffsetDateTime at;

		/** Whether a recent dispute was left waiting for the leader's ruling. */
		private boolean disputePending;

		Run(DemoNames demo) {
			this.demo = demo;
			this.office = DemoClues.this.actors.actorOf("office");
			this.chief = DemoClues.this.actors.actorOf("chief");
			this.leader = DemoClues.this.actors.actorOf("leader");
			this.huishi = DemoClues.this.actors.actorOf("huishi");
			this.hepan = DemoClues.this.actors.actorOf("hepan");
			this.market = DemoClues.this.actors.actorOf("market");
			this.villages = DemoClues.this.jdbc
				.sql("select code from region where level = 'VILLAGE' and code like '620422%' order by code")
				.query(String.class)
				.list();
		}

		void all() {
			ClueSource[] sources = ClueSource.values();
			List<Long> open = new ArrayList<>();
			// clues the other parts' intake made (tips), from when they came in
			for (long id : DemoClues.this.jdbc
				.sql("select id from clue where state = 'REGISTERED' order by received_at")
				.query(Long.class)
				.list()) {
				this.at = DemoClues.this.jdbc.sql("select received_at from clue where id = :id")
					.param("id", id)
					.query(OffsetDateTime.class)
					.single();
				tell(id, story(true), open);
			}
			for (int n = 0; n < COUNT; n++) {
				// older clues first; a few more in recent months, as intake grows
				int daysAgo = (int) Math.round(364 * Math.pow(1 - (double) n / COUNT, 1.15));
				ClueSource source = sources[n % sources.length];
				long id = register(n, source, daysAgo);
				tell(id, story(false), open);
				if (state(id).open()) {
					open.add(id);
				}
			}
		}

		private long register(int n, ClueSource source, int daysAgo) {
			this.at = this.demo.daysAgo(daysAgo);
			String region = region();
			String sector = region.startsWith("620422100") || this.demo.chance(0.2) ? this.demo.pick(MARKET_SECTORS)
					: this.demo.pick(SECTORS);
			int scheme = this.demo.below(SCHEMES.length);
			String subject = "会宁县" + this.demo.firm() + this.demo.firm().charAt(0)
					+ this.demo.pick(new String[] { "商贸有限公司", "农业科技有限公司", "养老服务中心", "投资咨询有限公司", "种植农民专业合作社" });
			long amount = (long) Math.pow(10, 4 + this.demo.random().nextDouble() * 3.3);
			int people = 3 + this.demo.below(200);
			boolean informant = source.feedbackExpected() && this.demo.chance(0.7);
			ClueForm form = new ClueForm(source, detail(source), null, this.at.toLocalDateTime(),
					subject + SCHEME_WORDS[scheme] + "向群众吸收资金",
					"反映" + subject + SCHEME_WORDS[scheme] + "，向周边群众宣传“稳赚不赔”，已有约" + people + "人参与，涉及资金约" + amount / 10000
							+ "万元。",
					region, sector, SCHEMES[scheme], Long.toString(amount), people, null, List.of(), null, null, null,
					informant ? this.demo.personName() : null, informant ? this.demo.phone() : null, null);
			try (Times.Held held = Times.holdAt(this.at)) {
				return DemoClues.this.intake.register(form, this.office).id();
			}
		}

		/** Half the clues in the two townships with demo accounts, the rest anywhere. */
		private String region() {
			List<String> in = this.villages;
			if (this.demo.chance(0.55)) {
				String township = this.demo.chance(0.6) ? HUISHI : HEPAN;
				in = this.villages.stream().filter(v -> v.startsWith(township.substring(0, 9))).toList();
			}
			return this.demo.pick(in);
		}

		private String detail(ClueSource source) {
			return switch (source) {
				case HOTLINE -> this.demo.pick(new String[] { "12345", "110", "0943-3220000" });
				case REFERRAL -> this.demo.pick(new String[] { "县市场监管局", "县公安局", "县金融办" });
				case ASSIGNED -> "白银市处非办";
				case MEDIA -> "会宁融媒";
				case BANK_REPORT -> "甘肃会宁农村商业银行";
				case ASSOCIATION -> "县个体劳动者协会";
				default -> null;
			};
		}

		private Story story(boolean tip) {
			int r = this.demo.below(100);
			Determination way = asFound(tip);
			boolean dispute = way.needsDisposal() && this.demo.chance(0.12);
			ClueState[] stops = { ClueState.REGISTERED, ClueState.ACCEPTED, ClueState.DISPATCHED, ClueState.VERIFYING,
					ClueState.ASSESSING, ClueState.DISPOSING, ClueState.FEEDBACK };
			// a clue stops on its way mostly when it is recent; an old one rarely (those
			// are
			// the overdue ones a county chases, not most of its open clues)
			boolean recent = this.at.isAfter(this.demo.now().minusDays(12));
			ClueState stopAt = this.demo.chance(recent ? 0.4 : 0.02) ? stops[this.demo.below(stops.length)] : null;
			// a dispute waits for the leader's ruling only when it is recent
			boolean unruled = this.at.isAfter(this.demo.now().minusDays(40)) && this.demo.chance(0.5);
			return new Story(r < 7, r >= 7 && r < 11, this.demo.chance(0.1), this.demo.chance(0.1), way, dispute,
					unruled ? null : asFound(tip), this.demo.chance(0.1), stopAt);
		}

		/**
		 * As a county finds them: most clues are no illegal fundraising or an irregular
		 * business; about one in eight is suspected illegal fundraising or a crime, and
		 * becomes a case. A tip from the public, whose reporter saw the scheme at work,
		 * is confirmed more often (seven in ten).
		 */
		private Determination asFound(boolean tip) {
			int r = this.demo.below(100);
			int notIllegal = tip ? 30 : 46;
			int irregular = tip ? 75 : 88;
			int illegal = tip ? 92 : 96;
			return r < notIllegal ? Determination.NOT_ILLEGAL : r < irregular ? Determination.IRREGULAR
					: r < illegal ? Determination.SUSPECTED_ILLEGAL : Determination.SUSPECTED_CRIME;
		}

		/** Moves the clue along its story until it ends, stops or reaches now. */
		private void tell(long id, Story story, List<Long> open) {
			boolean returned = false;
			boolean asked = false;
			boolean disputed = false;
			boolean fedBack = false;
			boolean lookedBack = false;
			List<MeasureKind> plan = null;
			int measures = 0;
			while (true) {
				ClueState state = state(id);
				if (state == story.stopAt()) {
					break;
				}
				Actor handler = handler(id);
				boolean moved = switch (state) {
					case REGISTERED -> {
						Long target = story.merge() ? openTarget(open) : null;
						if (story.reject()) {
							yield move(id, Clue.Action.REJECT, this.office,
									v -> note(v, "经初核，反映内容属普通民间借贷纠纷，不属于非法集资，已告知来源向法院起诉"));
						}
						if (target != null) {
							String code = code(target);
							yield move(id, Clue.Action.MERGE, this.office, v -> input(v, null, null, null, code));
						}
						yield move(id, Clue.Action.ACCEPT, this.office, v -> note(v, null));
					}
					case ACCEPTED ->
						move(id, Clue.Action.DISPATCH, this.office, v -> input(v, "按属地和行业分派", unitFor(id), null, null));
					case DISPATCHED -> {
						if (handler == null) {
							yield false;
						}
						if (story.returnOnce() && !returned) {
							returned = true;
							yield move(id, Clue.Action.RETURN, handler, v -> note(v, "经初步了解，该主体实际经营地不在本辖区，请重新分派"));
						}
						yield move(id, Clue.Action.RECEIVE, handler, v -> note(v, null));
					}
					case VERIFYING -> move(id, Clue.Action.VERIFY, handler, v -> verification(v));
					case ASSESSING -> {
						if (story.askMore() && !asked) {
							asked = true;
							yield move(id, Clue.Action.MORE, this.office, v -> note(v, "请补充资金流向和参与人名单"));
						}
						yield move(id, Clue.Action.DETERMINE, this.chief,
								v -> determination(v, story.determination(), "经会商研判，依据核查报告"));
					}
					case DISPOSING -> {
						if (story.dispute() && !disputed) {
							disputed = true;
							yield move(id, Clue.Action.DISPUTE, handler, v -> note(v, "该主体已停止宣传并开始退款，认定过重，申请复核"));
						}
						if (plan == null) {
							plan = plan(determinationOf(id));
						}
						if (measures < plan.size()) {
							MeasureKind kind = plan.get(measures++);
							long amount = amountOf(id);
							yield move(id, Clue.Action.MEASURE, handler, v -> measure(v, kind, amount));
						}
						yield move(id, Clue.Action.FINISH, handler, v -> note(v, null));
					}
					// the first dispute of the last 40 days waits for the leader whatever
					// the
					// draw, so the demo shows one pending at any hour it is made
					case DISPUTED -> {
						if (!this.disputePending && this.at.isAfter(this.demo.now().minusDays(40))) {
							this.disputePending = true;
							yield false;
						}
						yield story.ruling() != null && move(id, Clue.Action.RESOLVE, this.leader,
								v -> determination(v, story.ruling(), "听取承办单位和处非办意见后裁决"));
					}
					case FEEDBACK -> {
						if (!fedBack) {
							fedBack = true;
							yield move(id, Clue.Action.FEEDBACK, this.office, v -> note(v, "已将核查处置结果反馈来源"));
						}
						yield move(id, Clue.Action.CLOSE, this.chief, v -> note(v, "处置完毕，予以销号"));
					}
					case CLOSED -> {
						if (story.lookBack() && !lookedBack) {
							lookedBack = true;
							yield move(id, Clue.Action.LOOK_BACK, this.chief,
									v -> input(v, "回头看走访，未发现反弹", null, false, null));
						}
						yield false;
					}
					case REJECTED, MERGED -> false;
				};
				if (!moved) {
					break;
				}
			}
			if (state(id).open() && this.demo.chance(0.06)) {
				supervise(id);
			}
		}

		/** The next move at its moment, or false when that moment would be after now. */
		private boolean move(long id, Clue.Action action, Actor who, IntFunction<MoveInput> input) {
			OffsetDateTime next = this.demo.later(this.at, action == Clue.Action.ACCEPT ? 2 : 6);
			if (next == null) {
				return false;
			}
			this.at = next;
			try (Times.Held held = Times.holdAt(next)) {
				DemoClues.this.moves.perform(id, action, input.apply(version(id)), who);
			}
			return true;
		}

		private void supervise(long id) {
			OffsetDateTime next = this.demo.later(this.at, 10);
			try (Times.Held held = Times.holdAt(next == null ? this.demo.now().minusMinutes(30) : next)) {
				DemoClues.this.supervision.supervise(id, null, "群众反映强烈，请加快核查处置，每周报告进展", this.office);
			}
		}

		/**
		 * The township of the clue's region when it has a demo account, else the
		 * department for its sectors.
		 */
		private String unitFor(long id) {
			String region = regionOf(id);
			if (region.startsWith(HUISHI.substring(0, 9))) {
				return "R" + HUISHI;
			}
			if (region.startsWith(HEPAN.substring(0, 9))) {
				return "R" + HEPAN;
			}
			if (MARKET_SECTORS.contains(sector(id)) && this.market.departmentId() != null) {
				return "D" + this.market.departmentId();
			}
			return "R" + region.substring(0, 9) + "000";
		}

		/** The demo account that handles a dispatched clue, or null when none does. */
		private Actor handler(long id) {
			String unit = DemoClues.this.jdbc.sql(
					"select coalesce('R' || handler_region_code, 'D' || handler_department_id) from clue where id = :id")
				.param("id", id)
				.query(String.class)
				.optional()
				.orElse(null);
			if (unit == null) {
				return null;
			}
			if (unit.equals("R" + HUISHI)) {
				return this.huishi;
			}
			if (unit.equals("R" + HEPAN)) {
				return this.hepan;
			}
			if (unit.startsWith("R")) {
				return this.townshipStaff.computeIfAbsent(unit.substring(1),
						code -> DemoClues.this.actors.demoStaffOf(code).orElse(null));
			}
			return unit.equals("D" + this.market.departmentId()) ? this.market : null;
		}

		private Long openTarget(List<Long> open) {
			for (int i = open.size() - 1; i >= Math.max(0, open.size() - 5); i--) {
				if (state(open.get(i)).open()) {
					return open.get(i);
				}
			}
			return null;
		}

		private MoveInput verification(int version) {
			return new MoveInput(version, null, null, null, this.demo.personName() + "、" + this.demo.personName(),
					Times.today(), "经走访核查，该主体确有对外宣传高额回报、向不特定群众吸收资金的情况，已调取部分收款凭证", null, null, null, null, null, null,
					null, null, null);
		}

		/**
		 * Measures that fit the determination and pass the policies: a refund before a
		 * fine (条例 art. 32), a suspected crime transferred to the police.
		 */
		private List<MeasureKind> plan(Determination determination) {
			int way = this.demo.below(3);
			return switch (determination) {
				case IRREGULAR -> way == 0 ? List.of(MeasureKind.WARNING_INTERVIEW)
						: List.of(MeasureKind.RECTIFICATION_ORDER, MeasureKind.REGULARISATION);
				case SUSPECTED_CRIME -> way == 0 ? List.of(MeasureKind.POLICE_TRANSFER)
						: List.of(MeasureKind.SEIZURE, MeasureKind.POLICE_TRANSFER);
				default -> switch (way) {
					case 0 -> List.of(MeasureKind.STOP_ORDER, MeasureKind.SUPERVISED_REFUND);
					case 1 -> List.of(MeasureKind.SUPERVISED_REFUND, MeasureKind.ADMIN_PENALTY);
					default -> List.of(MeasureKind.WARNING_INTERVIEW, MeasureKind.SUPERVISED_REFUND);
				};
			};
		}

		/** A measure; a fine of 30% of the amount raised (条例 art. 30: 20%–100%). */
		private MoveInput measure(int version, MeasureKind kind, long raisedFen) {
			String amount = switch (kind) {
				case ADMIN_PENALTY -> Long.toString((raisedFen * 30 / 100 + 99) / 100);
				case SUPERVISED_REFUND, SEIZURE -> Long.toString(raisedFen / 100 / 2 + 1);
				default -> null;
			};
			return new MoveInput(version, null, null, null, null, null, null, null, null, kind, Times.today(),
					"会处非〔" + Times.today().getYear() + "〕" + (1 + this.demo.below(300)) + "号", amount, "已执行", null,
					null);
		}

	}

	private static MoveInput note(int version, String note) {
		return input(version, note, null, null, null);
	}

	private static MoveInput input(int version, String note, String unit, Boolean reopen, String target) {
		return new MoveInput(version, note, unit, null, null, null, null, reopen, target, null, null, null, null, null,
				null, null);
	}

	private static MoveInput determination(int version, Determination what, String note) {
		return new MoveInput(version, note, null, what, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	private ClueState state(long id) {
		return ClueState.valueOf(
				this.jdbc.sql("select state from clue where id = :id").param("id", id).query(String.class).single());
	}

	private int version(long id) {
		return this.jdbc.sql("select version from clue where id = :id").param("id", id).query(Integer.class).single();
	}

	private String code(long id) {
		return this.jdbc.sql("select code from clue where id = :id").param("id", id).query(String.class).single();
	}

	private String regionOf(long id) {
		return this.jdbc.sql("select region_code from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private Determination determinationOf(long id) {
		return Determination.valueOf(this.jdbc.sql("select determination from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single());
	}

	private long amountOf(long id) {
		return this.jdbc.sql("select coalesce(amount_fen, 0) from clue where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private String sector(long id) {
		return this.jdbc.sql("select sector_code from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse("");
	}

}
