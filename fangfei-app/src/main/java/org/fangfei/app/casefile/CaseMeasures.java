package org.fangfei.app.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The case figures (案件办理) for the statistical forms, dated by the case's stages
 * ({@code case_stage}, append-only): a case is opened on the date of its first recorded
 * stage and closed on its 结案 stage, so a past period keeps its numbers; refunds count on
 * the day each payment was made. Amounts raised and participants are the figures last
 * recorded on the case (they are corrected as the investigation learns more).
 */
@Component
class CaseMeasures implements MeasureSource {

	/** Cases with their opening date ({@code o.opened_on}) and closing date, if any. */
	private static final String CASES = """
			select c.region_code, %s as on_date, c.code as ref, c.title, '/cases/' || c.id as link, %s as amount
			  from case_file c
			  join (select case_id, min(entered_on) as opened_on,
			               min(entered_on) filter (where stage = 'CLOSED') as closed_on
			          from case_stage group by case_id) o on o.case_id = c.id
			  left join case_cross_province x on x.case_id = c.id
			 where c.region_code like :regionLike and %s
			""";

	private static final String OPENED = "o.opened_on between :from and :to";

	private static final String IN_HAND = "o.opened_on <= :to and (o.closed_on is null or o.closed_on >= :from)";

	private static final String CROSS = " and c.cross_province and (cast(:param as varchar) is null or x.role = :param)";

	@Override
	public List<Measure> measures() {
		Map<String, String> paths = new LinkedHashMap<>();
		for (CasePath p : CasePath.values()) {
			paths.put(p.name(), p.label());
		}
		Map<String, String> roles = new LinkedHashMap<>();
		roles.put("LEAD", "我方主办");
		roles.put("ASSIST", "我方协办");
		return List.of(
				Measure
					.count("case.opened", "新立案件", "件",
							CASES.formatted("o.opened_on", "cast(null as bigint)",
									OPENED + " and (cast(:param as varchar) is null or c.path = :param)"))
					.withParameter("办理路径", paths),
				Measure.money("case.raised", "新立案件涉案金额", CASES.formatted("o.opened_on", "c.amount_raised_fen", OPENED)),
				Measure.sum("case.participants", "新立案件集资参与人", "人",
						CASES.formatted("o.opened_on", "cast(c.participants_count as bigint)", OPENED)),
				Measure.count("case.closed", "结案", "件",
						CASES.formatted("o.closed_on", "cast(null as bigint)", "o.closed_on between :from and :to")),
				Measure.count("case.inHand", "期内在办案件", "件",
						CASES.formatted("o.opened_on", "cast(null as bigint)", IN_HAND)),
				Measure.money("case.refunded", "清退兑付金额", """
						select c.region_code, r.paid_on as on_date, c.code as ref, c.title, '/cases/' || c.id as link,
						       sum(r.amount_fen) as amount
						  from case_refund r
						  join case_refund_batch b on b.id = r.batch_id
						  join case_file c on c.id = b.case_id
						 where r.paid_on between :from and :to and c.region_code like :regionLike
						 group by c.id, c.region_code, c.code, c.title, r.paid_on
						"""),
				Measure.count("case.refundedPeople", "获清退兑付人数", "人",
						"""
								select c.region_code, min(r.paid_on) as on_date, c.code as ref, c.title, '/cases/' || c.id as link,
								       cast(null as bigint) as amount
								  from case_refund r
								  join case_refund_batch b on b.id = r.batch_id
								  join case_file c on c.id = b.case_id
								 where r.paid_on between :from and :to and c.region_code like :regionLike
								 group by c.id, c.region_code, c.code, c.title, r.participant_id
								"""),
				Measure
					.count("case.crossOpened", "新立跨省案件", "件",
							CASES.formatted("o.opened_on", "cast(null as bigint)", OPENED + CROSS))
					.withParameter("我方角色", roles),
				Measure
					.count("case.crossInHand", "期内在办跨省案件", "件",
							CASES.formatted("o.opened_on", "cast(null as bigint)", IN_HAND + CROSS))
					.withParameter("我方角色", roles),
				Measure.count("case.crossClosed", "跨省案件结案", "件",
						CASES.formatted("o.closed_on", "cast(null as bigint)",
								"o.closed_on between :from and :to" + CROSS))
					.withParameter("我方角色", roles),
				Measure
					.money("case.crossRaised", "在办跨省案件涉案金额",
							CASES.formatted("o.opened_on", "c.amount_raised_fen", IN_HAND + CROSS))
					.withParameter("我方角色", roles),
				Measure
					.sum("case.crossLocalParticipants", "在办跨省案件本地集资参与人", "人",
							CASES.formatted("o.opened_on", "cast(x.local_participants as bigint)", IN_HAND + CROSS))
					.withParameter("我方角色", roles),
				Measure
					.money("case.crossLocalAmount", "在办跨省案件本地涉案金额",
							CASES.formatted("o.opened_on", "x.local_amount_fen", IN_HAND + CROSS))
					.withParameter("我方角色", roles),
				Measure.money("case.crossRefunded", "跨省案件清退兑付金额", """
						select c.region_code, r.paid_on as on_date, c.code as ref, c.title, '/cases/' || c.id as link,
						       sum(r.amount_fen) as amount
						  from case_refund r
						  join case_refund_batch b on b.id = r.batch_id
						  join case_file c on c.id = b.case_id
						 where r.paid_on between :from and :to and c.region_code like :regionLike and c.cross_province
						 group by c.id, c.region_code, c.code, c.title, r.paid_on
						"""));
	}

}
