package org.fangfei.app.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.warning.CockpitFigure;
import org.fangfei.app.warning.CockpitPanel;

import org.springframework.stereotype.Component;

/**
 * Evaluation on the leaders' cockpit: the latest finalised township ranking (考核排名, the
 * townships the reader may see, the first five and the last) and the communities
 * certified 无非法集资社区(村) within the reader's jurisdiction, each opening its page. A reader
 * without the evaluation pages sees no panel.
 */
@Component
class EvaluationOnCockpit implements CockpitFigure {

	static final String SCORES = "/evaluation";

	static final String COMMUNITIES = "/evaluation/communities";

	private final Evaluations evaluations;

	EvaluationOnCockpit(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public List<CockpitPanel> panels(Actor actor) {
		if (!actor.can("evaluation:score:view")) {
			return List.of();
		}
		List<CockpitPanel> panels = new ArrayList<>();
		panels.add(this.evaluations.latestRanking(Target.TOWNSHIP)
			.map(r -> ranking(r, actor))
			.orElseGet(() -> new CockpitPanel("evaluation", "乡镇考核排名", "—", "尚无定稿的年度考核", SCORES, List.of(), 20)));
		panels.add(new CockpitPanel("communities", "无非法集资社区(村)",
				this.evaluations.certifiedCommunities(actor.scope()) + " 个", "已认定且未撤销", COMMUNITIES, List.of(), 21));
		return panels;
	}

	private static CockpitPanel ranking(Evaluations.Ranking ranking, Actor actor) {
		String page = SCORES + "?year=" + ranking.year() + "&target=" + Target.TOWNSHIP.name();
		List<Evaluations.Ranked> seen = ranking.units()
			.stream()
			.filter(u -> Evaluations.visibleTownship(u.code(), actor))
			.toList();
		List<Evaluations.Ranked> shown = new ArrayList<>(seen.subList(0, Math.min(5, seen.size())));
		if (seen.size() > 5) {
			shown.add(seen.get(seen.size() - 1));
		}
		List<CockpitPanel.Line> lines = shown.stream()
			.map(u -> new CockpitPanel.Line(u.name(), u.total().stripTrailingZeros().toPlainString() + " 分",
					"第 " + u.rank() + " 名", page))
			.toList();
		return new CockpitPanel("evaluation", "乡镇考核排名", ranking.year() + " 年度",
				"已定稿，" + seen.size() + " 个乡镇" + (seen.size() > 5 ? "；前五名与末位" : ""), page, lines, 20);
	}

}
