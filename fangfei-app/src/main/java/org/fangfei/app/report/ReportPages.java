package org.fangfei.app.report;

import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The statistical forms (统计报表): choose a form, a period and a jurisdiction; see it filled
 * with every number a link to the records behind it; export it as .xlsx.
 */
@Controller
class ReportPages {

	private final ReportForms forms;

	private final FormGenerator generator;

	private final MeasureCatalog catalog;

	private final Figures figures;

	private final AuditLog audit;

	ReportPages(ReportForms forms, FormGenerator generator, MeasureCatalog catalog, Figures figures, AuditLog audit) {
		this.forms = forms;
		this.generator = generator;
		this.catalog = catalog;
		this.figures = figures;
		this.audit = audit;
	}

	@GetMapping("/reports")
	@PreAuthorize("hasAuthority('report:form:view')")
	String index(Actor actor, Model model) {
		Period last = Period.monthsAgo(1);
		return index(actor, model, null, last.from().toString(), last.to().toString(), actor.regionCode(), Map.of());
	}

	/** The choice form's target: a month, when chosen, stands for its dates. */
	@GetMapping("/reports/go")
	@PreAuthorize("hasAuthority('report:form:view')")
	String go(@RequestParam long formId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String month) {
		String f = from;
		String t = to;
		if (month != null && month.matches("[0-9]{4}-[0-9]{2}")) {
			java.time.LocalDate first = java.time.LocalDate.parse(month + "-01");
			java.time.LocalDate last = first.plusMonths(1).minusDays(1);
			f = first.toString();
			t = (last.isAfter(org.fangfei.app.shared.Times.today()) ? org.fangfei.app.shared.Times.today() : last)
				.toString();
		}
		return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/reports/" + formId)
			.queryParam("from", f)
			.queryParam("to", t)
			.queryParam("region", region)
			.build()
			.encode()
			.toUriString();
	}

	@GetMapping("/reports/{id:[0-9]+}")
	@PreAuthorize("hasAuthority('report:form:view')")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region, Actor actor,
			Model model) {
		try {
			FormGenerator.Generated form = generate(id, from, to, region, actor);
			model.addAttribute("form", form);
			model.addAttribute("storedForm", this.forms.get(id));
			return new ModelAndView("reports/form", model.asMap());
		}
		catch (Rejected ex) {
			Map<String, String> errors = FormErrors.of(ex);
			ModelAndView page = new ModelAndView(index(actor, model, id, from, to, region, errors), model.asMap());
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
	}

	@Transactional
	@GetMapping("/reports/{id:[0-9]+}/export")
	@PreAuthorize("hasAuthority('report:form:view')")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region, Actor actor) {
		FormGenerator.Generated form = generate(id, from, to, region, actor);
		byte[] body = FormWorkbook.write(form);
		String title = form.definition().title().strip();
		this.audit.success("EXPORT", "report_form", id,
				"导出" + title + "：" + form.where().name() + " " + form.period().label(), null, null);
		return Uploads.xlsx(
				Exports.filename(
						title + "_" + form.where().name() + "_" + form.period().from() + "至" + form.period().to()),
				body);
	}

	@GetMapping("/reports/drill")
	@PreAuthorize("hasAuthority('report:form:view')")
	String drill(@RequestParam(required = false) String measure, @RequestParam(required = false) String param,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean exact,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		Measure m = this.catalog.find(measure).orElseThrow(() -> new NotFound("指标"));
		String p = param == null || param.isBlank() ? null : param;
		if (p != null && !m.parameters().containsKey(p)) {
			throw new Rejected("指标“" + m.label() + "”没有参数“" + p + "”");
		}
		Period period = Period.parse(from, to);
		Jurisdiction where = this.generator.jurisdiction(region, exact, actor);
		model.addAttribute("measure", m);
		model.addAttribute("measureParam", p);
		model.addAttribute("period", period);
		model.addAttribute("where", where);
		Figures.Drill drill = this.figures.drill(m, p, period, where, PageRequest.of(page));
		model.addAttribute("drill", drill);
		model.addAttribute("value", FormGenerator.shown(m, drill.value()));
		return "reports/drill";
	}

	private FormGenerator.Generated generate(long id, String from, String to, String region, Actor actor) {
		ReportForms.StoredForm stored = this.forms.get(id);
		if (!stored.enabled()) {
			throw new NotFound("报表");
		}
		Period period = Period.parse(from, to);
		Jurisdiction where = this.generator.jurisdiction(region, false, actor);
		return this.generator.generate(id, this.forms.definition(stored), period, where);
	}

	private String index(Actor actor, Model model, Long formId, String from, String to, String region,
			Map<String, String> errors) {
		model.addAttribute("forms", this.forms.list(true));
		model.addAttribute("regions", this.generator.choices(actor));
		model.addAttribute("formId", formId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("region", region);
		model.addAttribute("errors", errors);
		model.addAttribute("months",
				java.util.stream.IntStream.rangeClosed(0, 12).mapToObj(Period::monthsAgo).toList());
		return "reports/index";
	}

}
