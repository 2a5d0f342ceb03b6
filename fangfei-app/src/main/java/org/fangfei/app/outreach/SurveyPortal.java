package org.fangfei.app.outreach;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.tip.PublicPortal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The awareness survey on a phone, without an account, under
 * {@code /survey/{code}/{region}}: the tip portal's guards through {@link PublicPortal}
 * (CAPTCHA, detached writes), limits per address and for everyone ({@link SurveyLimits}),
 * a honeypot field, one answer sheet per survey per browser session, CSRF on. Nothing
 * about the visitor is asked but the age band; the region is the link's.
 */
@Controller
class SurveyPortal {

	static final String ANSWERED = SurveyPortal.class.getName() + ".answered";

	private static final Logger log = LoggerFactory.getLogger(SurveyPortal.class);

	private final Surveys surveys;

	private final SurveyLimits limits;

	private final PublicPortal portal;

	SurveyPortal(Surveys surveys, SurveyLimits limits, PublicPortal portal) {
		this.surveys = surveys;
		this.limits = limits;
		this.portal = portal;
	}

	@GetMapping("/survey/captcha.png")
	ResponseEntity<byte[]> captcha(HttpSession session) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(this.portal.captcha(session));
	}

	@GetMapping("/survey/{code}/{region}")
	String form(@PathVariable String code, @PathVariable String region, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return page(code, region, null, null, Map.of(), request, response, model);
	}

	@PostMapping("/survey/{code}/{region}")
	String answer(@PathVariable String code, @PathVariable String region,
			@RequestParam(name = "ageBand", required = false) String age, @RequestParam Map<String, String> params,
			@RequestParam(required = false) String captcha, @RequestParam(required = false) String website,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		List<Integer> answers = answers(params);
		AgeBand ageBand = java.util.Arrays.stream(AgeBand.values())
			.filter(b -> b.name().equals(age))
			.findFirst()
			.orElse(null);
		var survey = this.surveys.byCode(code);
		var link = survey.flatMap(s -> this.surveys.link(s, region));
		if (survey.isEmpty() || link.isEmpty()) {
			response.setStatus(404);
			return "survey/missing";
		}
		if (website != null && !website.isBlank()) {
			log.info("Survey page: honeypot field filled, nothing stored");
			model.addAttribute("survey", survey.get());
			return "survey/done";
		}
		if (answered(request.getSession(false)).contains(survey.get().id())) {
			response.setStatus(409);
			return page(code, region, ageBand, answers, Map.of("_", "您已经参加过本次调查，感谢支持。"), request, response, model);
		}
		if (!this.limits.trySubmit(request.getRemoteAddr())) {
			response.setStatus(429);
			return page(code, region, ageBand, answers, Map.of("_", "提交过于频繁，请稍后再试。"), request, response, model);
		}
		if (!this.portal.captchaSolved(request.getSession(false), captcha)) {
			response.setStatus(400);
			return page(code, region, ageBand, answers, Map.of("_", "验证码不正确或已过期，请按新图片重新输入", "captcha", "请输入新图片中的字符"),
					request, response, model);
		}
		try {
			int score = this.portal.detached(() -> this.surveys.answer(survey.get(), link.get(), ageBand, answers));
			HttpSession session = request.getSession();
			Set<Long> done = new HashSet<>(answered(session));
			done.add(survey.get().id());
			session.setAttribute(ANSWERED, done);
			model.addAttribute("survey", survey.get());
			model.addAttribute("score", score);
			model.addAttribute("questions", AwarenessQuiz.QUESTIONS);
			model.addAttribute("answers", answers);
			return "survey/done";
		}
		catch (Rejected ex) {
			response.setStatus(400);
			return page(code, region, ageBand, answers, FormErrors.of(ex), request, response, model);
		}
	}

	private String page(String code, String region, AgeBand ageBand, List<Integer> answers, Map<String, String> errors,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var survey = this.surveys.byCode(code);
		var link = survey.flatMap(s -> this.surveys.link(s, region));
		if (survey.isEmpty() || link.isEmpty()) {
			response.setStatus(404);
			return "survey/missing";
		}
		model.addAttribute("survey", survey.get());
		model.addAttribute("link", link.get());
		model.addAttribute("questions", AwarenessQuiz.QUESTIONS);
		model.addAttribute("ageBands", AgeBand.values());
		model.addAttribute("ageBand", ageBand);
		model.addAttribute("answers", answers == null ? List.of() : answers);
		model.addAttribute("errors", errors);
		model.addAttribute("already", answered(request.getSession(false)).contains(survey.get().id()));
		return "survey/form";
	}

	/**
	 * The answers q0, q1 … as option indexes; null for an unanswered or unreadable one.
	 */
	static List<Integer> answers(Map<String, String> params) {
		List<Integer> answers = new java.util.ArrayList<>();
		for (int i = 0; i < AwarenessQuiz.QUESTIONS.size(); i++) {
			String value = params.get("q" + i);
			answers.add(value != null && value.matches("[0-9]") ? Integer.valueOf(value) : null);
		}
		return answers;
	}

	@SuppressWarnings("unchecked")
	private static Set<Long> answered(HttpSession session) {
		Object stored = session == null ? null : session.getAttribute(ANSWERED);
		return stored instanceof Set<?> set ? (Set<Long>) set : Set.of();
	}

}
