package org.fangfei.app.clue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The clues handled together with 市场监管 or 公安 (联动处置): the linkage with the market
 * regulator and the police that seed 002 (六、创建标准 (二)) asks of a 无非法集资社区(村), as the clue
 * records show it. A clue counts once, in the period of its first linkage, where it is
 * placed:
 * <ul>
 * <li>received from them — a 部门移交 clue whose source names the police or the market
 * regulator (dated by its receipt);</li>
 * <li>handled by them — the clue's lead unit is their department now (dated by its
 * receipt);</li>
 * <li>verified with them — their department is an assisting unit (联合核查, dated by its
 * receipt: a clue's handling belongs to the period it came in);</li>
 * <li>handed to the police — a 移送公安 measure (dated by the measure's date).</li>
 * </ul>
 * A department is theirs by its name (公安; 市场监督 or 市场监管), as the campaign template maps
 * written units. The parameter keeps one of the two.
 */
@Component
class LinkageMeasures implements MeasureSource {

	private static final String PARTY = """
			case when %1$s like '%%公安%%' then 'POLICE'
			     when %1$s like '%%市场监督%%' or %1$s like '%%市场监管%%' then 'MARKET' end""";

	private static final String LINKED = """
			select c.region_code, min(l.on_date) as on_date, c.code as ref, c.title, '/clues/' || c.id as link,
			       cast(null as bigint) as amount
			  from clue c
			  join (select m.clue_id, m.taken_on as on_date, 'POLICE' as party
			          from clue_measure m
			         where m.kind = 'POLICE_TRANSFER' and m.taken_on between :from and :to
			        union all
			        select a.clue_id, cast(h.received_at as date), %2$s
			          from clue_assist a join department d on d.id = a.department_id join clue h on h.id = a.clue_id
			         where h.received_at >= :fromAt and h.received_at < :untilAt and h.region_code like :regionLike
			        union all
			        select h.id, cast(h.received_at as date), %2$s
			          from clue h join department d on d.id = h.handler_department_id
			         where h.received_at >= :fromAt and h.received_at < :untilAt and h.region_code like :regionLike
			        union all
			        select r.id, cast(r.received_at as date), %3$s
			          from clue r
			         where r.source = 'REFERRAL' and r.received_at >= :fromAt and r.received_at < :untilAt
			           and r.region_code like :regionLike) l
			    on l.clue_id = c.id
			 where c.region_code like :regionLike and l.party is not null
			   and (cast(:param as varchar) is null or l.party = :param)
			 group by c.id, c.region_code, c.code, c.title
			""".formatted("", PARTY.formatted("d.name"), PARTY.formatted("coalesce(r.source_detail, '')"));

	@Override
	public List<Measure> measures() {
		Map<String, String> parties = new LinkedHashMap<>();
		parties.put("POLICE", "公安");
		parties.put("MARKET", "市场监管");
		return List.of(Measure.count("clue.linked", "与市场监管、公安联动处置线索", "件", LINKED).withParameter("联动部门", parties));
	}

}
