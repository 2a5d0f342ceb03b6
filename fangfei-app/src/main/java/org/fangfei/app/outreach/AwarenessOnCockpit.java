package org.fangfei.app.outreach;

import java.util.List;
import java.util.Optional;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.warning.CockpitFigure;
import org.fangfei.app.warning.CockpitPanel;

import org.springframework.stereotype.Component;

/**
 * Awareness (知晓率) on the leaders' cockpit: the latest awareness survey with answers
 * within the reader's jurisdiction, its rate and the rate per township, each opening the
 * survey's page with its tables. A reader without the outreach lists sees no panel; with
 * no survey answered yet the panel says so and opens the surveys.
 */
@Component
class AwarenessOnCockpit implements CockpitFigure {

	static final String SURVEYS = "/outreach/surveys";

	private final Surveys surveys;

	AwarenessOnCockpit(Surveys surveys) {
		this.surveys = surveys;
	}

	@Override
	public List<CockpitPanel> panels(Actor actor) {
		if (!actor.can("outreach:outreach:view")) {
			return List.of();
		}
		Optional<Surveys.AwarenessSurvey> latest = this.surveys.list(actor.scope())
			.stream()
			.filter(s -> s.answers() > 0)
			.findFirst();
		if (latest.isEmpty()) {
			return List.of(new CockpitPanel("awareness", "知晓率", "—", "尚无已作答的知晓率调查", SURVEYS, List.of(), 10));
		}
		Surveys.AwarenessSurvey s = latest.get();
		String page = SURVEYS + "/" + s.id();
		List<Surveys.Rate> towns = this.surveys.byTownship(s, actor.scope());
		int answers = towns.stream().mapToInt(Surveys.Rate::answers).sum();
		int aware = towns.stream().mapToInt(Surveys.Rate::aware).sum();
		List<CockpitPanel.Line> lines = towns.stream()
			.map(t -> new CockpitPanel.Line(t.label(), t.rate() + "%", t.answers() + " 份", page + "#rate-township"))
			.toList();
		return List
			.of(new CockpitPanel("awareness", "知晓率", answers == 0 ? "—" : Surveys.Rate.percent(aware, answers) + "%",
					s.title() + "，答卷 " + answers + " 份", page, lines, 10));
	}

}
