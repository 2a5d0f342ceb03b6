package org.fangfei.app.outreach;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The outreach and training figures (宣传教育, 培训) for the statistical forms, by the date
 * each was held: activities by venue (七进), people reached, materials given, the awareness
 * survey's answers and those that passed (知晓率), training sessions and the attendances at
 * them.
 */
@Component
class OutreachMeasures implements MeasureSource {

	private static final String ACTIVITIES = """
			select a.region_code, a.held_on as on_date, '活动' || a.id as ref, a.place as title,
			       '/outreach/activities/' || a.id as link, cast(%s as bigint) as amount
			  from outreach_activity a
			 where a.held_on between :from and :to and a.region_code like :regionLike
			   and (cast(:param as varchar) is null or a.venue = :param)
			""";

	/**
	 * Awareness survey answers (知晓率调查), by the moment each was answered; the rate is the
	 * aware answers over all answers.
	 */
	private static final String SURVEY = """
			select r.region_code, cast(r.answered_at as date) as on_date,
			       s.code || '-' || r.id as ref, s.title, '/outreach/surveys/' || s.id as link, cast(null as bigint) as amount
			  from survey_response r
			  join survey s on s.id = r.survey_id
			 where r.answered_at >= :fromAt and r.answered_at < :untilAt and r.region_code like :regionLike and %s
			""";

	@Override
	public List<Measure> measures() {
		Map<String, String> venues = new LinkedHashMap<>();
		Arrays.stream(Venue.values()).forEach(v -> venues.put(v.name(), v.label()));
		return List.of(
				Measure.count("outreach.activities", "宣传活动", "场", ACTIVITIES.formatted("null"))
					.withParameter("宣传场所", venues),
				Measure.sum("outreach.reached", "宣传覆盖人数", "人次", ACTIVITIES.formatted("a.people_reached"))
					.withParameter("宣传场所", venues),
				Measure.sum("outreach.materials", "发放宣传资料", "份", ACTIVITIES.formatted("a.materials_given"))
					.withParameter("宣传场所", venues),
				Measure.count("outreach.surveyAnswers", "知晓率调查答卷", "份", SURVEY.formatted("true")),
				Measure.count("outreach.surveyAware", "知晓率调查达标答卷", "份", SURVEY.formatted("r.aware")),
				Measure.count("outreach.trainings", "举办培训", "期", """
						select t.region_code, t.held_on as on_date, '培训' || t.id as ref, t.topic as title,
						       '/outreach/trainings/' || t.id as link, cast(null as bigint) as amount
						  from training_session t
						 where t.held_on between :from and :to and t.region_code like :regionLike
						"""), Measure.sum("outreach.trained", "参训人次", "人次", """
						select t.region_code, t.held_on as on_date, '培训' || t.id as ref, t.topic as title,
						       '/outreach/trainings/' || t.id as link,
						       (select count(*) from training_attendee x where x.session_id = t.id) as amount
						  from training_session t
						 where t.held_on between :from and :to and t.region_code like :regionLike
						"""));
	}

}
