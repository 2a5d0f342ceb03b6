package org.fangfei.app.report;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting up forms (报表定义): the office writes a new form's definition — header with merged
 * cells, one measure per column — beside the catalogue of measures, and it can be
 * generated at once, without a release.
 */
@Controller
class FormDefinitionPages {

	static final String EXAMPLE = """
			{
			  "title": "新报表标题",
			  "titleBlock": ["填报单位：{填报单位}", "统计期间：{统计期间}"],
			  "rows": "REGIONS",
			  "header": [
			    [{"text": "单位", "rows": 2}, {"text": "线索受理", "cols": 2}],
			    [{"text": "合计"}, {"text": "其中：群众举报"}]
			  ],
			  "columns": [
			    {"measure": "clue.received"},
			    {"measure": "clue.received", "param": "TIP"}
			  ],
			  "notes": ["注：数据由系统按统计期间自动生成。"]
			}
			""";

	private final ReportForms forms;

	private final MeasureCatalog catalog;

	FormDefinitionPages(ReportForms forms, MeasureCatalog catalog) {
		this.forms = forms;
		this.catalog = catalog;
	}

	@GetMapping("/report-forms")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String list(Model model) {
		model.addAttribute("forms", this.forms.list(false));
		return "reports/definitions";
	}

	@GetMapping("/report-forms/new")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String newForm(Model model) {
		return page(model, null, new ReportForms.FormInput("", EXAMPLE, true, null), Map.of());
	}

	@PostMapping("/report-forms")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String create(@ModelAttribute ReportForms.FormInput input, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			long id = this.forms.create(input, actor);
			redirect.addFlashAttribute("done", "已新建报表");
			return "redirect:/report-forms/" + id;
		}
		catch (Rejected ex) {
			return page(model, null, input, FormErrors.of(ex));
		}
	}

	@GetMapping("/report-forms/{id}")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String edit(@PathVariable long id, Model model) {
		ReportForms.StoredForm form = this.forms.get(id);
		return page(model, form, new ReportForms.FormInput(form.code(), form.json(), form.enabled(), form.version()),
				Map.of());
	}

	@PostMapping("/report-forms/{id}")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String update(@PathVariable long id, @ModelAttribute ReportForms.FormInput input, Actor actor, Model model,
			RedirectAttributes redirect) {
		ReportForms.StoredForm form = this.forms.get(id);
		try {
			this.forms.update(id, input, actor);
			redirect.addFlashAttribute("done", "已保存报表定义");
			return "redirect:/report-forms/" + id;
		}
		catch (Conflict ex) {
			return page(model, form, input, Map.of("_", ex.getMessage(), "definition", ex.getMessage()));
		}
		catch (Rejected ex) {
			return page(model, form, input, FormErrors.of(ex));
		}
	}

	private String page(Model model, ReportForms.StoredForm form, ReportForms.FormInput input,
			Map<String, String> errors) {
		model.addAttribute("stored", form);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("measures", this.catalog.all());
		model.addAttribute("placeholders", FormDefinition.PLACEHOLDERS);
		return "reports/definition";
	}

}
