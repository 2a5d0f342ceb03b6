package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考核得分: the year's scores with each point explained and linked to its records, the
 * ranking, the manual scores, the export and the finalise step; 考核方案: the year's scheme
 * edited on a page.
 */
@Controller
class EvaluationPages {

	private final Evaluations evaluations;

	private final ScoringSchemes schemes;

	private final MeasureCatalog catalog;

	EvaluationPages(Evaluations evaluations, ScoringSchemes schemes, MeasureCatalog catalog) {
		this.evaluations = evaluations;
		this.schemes = schemes;
		this.catalog = catalog;
	}

	@GetMapping("/evaluation")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	ModelAndView scores(@RequestParam(required = false) String year, @RequestParam(required = false) String target,
			@RequestParam(required = false) String asOf, Actor actor, Model model) {
		try {
			int y = Years.parse(year);
			Target t = target(target);
			model.addAttribute("board", this.evaluations.board(y, t, date(asOf), actor));
			model.addAttribute("year", y);
			model.addAttribute("target", t);
			model.addAttribute("yearEnded", Times.today().isAfter(LocalDate.of(y, 12, 31)));
			return new ModelAndView("evaluation/scores", model.asMap());
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return new ModelAndView("evaluation/scores", model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/evaluation/export")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String year,
			@RequestParam(required = false) String target, @RequestParam(required = false) String asOf, Actor actor) {
		int y = Years.parse(year);
		Target t = target(target);
		return Uploads.xlsx(Exports.filename(y + "年度" + t.label() + "考核得分"),
				this.evaluations.export(y, t, date(asOf), actor));
	}

	@PostMapping("/evaluation/finalise")
	@PreAuthorize("hasAuthority('evaluation:score:finalise')")
	String finalise(@RequestParam(required = false) String year, @RequestParam(required = false) String target,
			Actor actor, RedirectAttributes redirect) {
		int y = Years.parse(year);
		Target t = target(target);
		try {
			this.evaluations.finalise(y, t, actor);
			redirect.addFlashAttribute("done", y + "年度" + t.label() + "考核已定稿，得分已冻结");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/evaluation?year=" + y + "&target=" + t.name();
	}

	@PostMapping("/evaluation/manual")
	@PreAuthorize("hasAuthority('evaluation:scheme:edit')")
	String manual(@RequestParam(required = false) String year, @RequestParam(required = false) String target,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String points, @RequestParam(required = false) String evidence, Actor actor,
			RedirectAttributes redirect) {
		int y = Years.parse(year);
		Target t = target(target);
		try {
			Scoring.Unit u = this.evaluations.units(t, actor)
				.stream()
				.filter(x -> x.code().equals(unit))
				.findFirst()
				.orElseThrow(() -> new Rejected("请选择本县的" + t.label()));
			String label = this.schemes.score(y, t, indicator, u.code(), u.name(), points, evidence, actor);
			redirect.addFlashAttribute("done", "已保存" + u.name() + "“" + label + "”的评分");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/evaluation?year=" + y + "&target=" + t.name();
	}

	@GetMapping("/evaluation/scheme")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	String scheme(@RequestParam(required = false) String year, @RequestParam(required = false) String target,
			Model model) {
		int y = Years.parse(year);
		Target t = target(target);
		ScoringSchemes.Stored stored = this.schemes.of(y, t);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SchemeForm.of(stored.scheme(), stored.version(), 2));
		}
		model.addAttribute("stored", stored);
		model.addAttribute("year", y);
		model.addAttribute("target", t);
		model.addAttribute("measures", this.catalog.all());
		model.addAttribute("rules", Rule.values());
		return "evaluation/scheme";
	}

	@PostMapping("/evaluation/scheme")
	@PreAuthorize("hasAuthority('evaluation:scheme:edit')")
	ModelAndView saveScheme(@RequestParam(required = false) String year, @RequestParam(required = false) String target,
			@ModelAttribute("form") SchemeForm form, Actor actor, Model model, RedirectAttributes redirect) {
		int y = Years.parse(year);
		Target t = target(target);
		try {
			long above = this.schemes.scoresAboveWeight(this.schemes.save(y, t, form, actor));
			redirect.addFlashAttribute("done",
					above == 0 ? "考核方案已保存" : "考核方案已保存；有" + above + "项人工评分高于现分值，按分值计分，请到考核得分页核实并重新评分");
			return new ModelAndView("redirect:/evaluation/scheme?year=" + y + "&target=" + t.name());
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			scheme(Integer.toString(y), t.name(), model);
			return new ModelAndView("evaluation/scheme", model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	static Target target(String text) {
		if (text == null || text.isBlank()) {
			return Target.TOWNSHIP;
		}
		try {
			return Target.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("考核对象须为乡镇(街道)或成员单位", Map.of("target", "考核对象无效"));
		}
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("截至日期不是有效日期(格式：2026-11-30)", Map.of("asOf", "截至日期无效"));
		}
	}

}
