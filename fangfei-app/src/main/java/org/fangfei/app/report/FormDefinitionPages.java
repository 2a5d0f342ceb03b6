package org.fangfei.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
		ReportForms.FormInput input = new ReportForms.FormInput("", EXAMPLE, true, null);
		return page(model, null, input, layoutOf(input.definition()), Map.of());
	}

	@PostMapping("/report-forms")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String create(@ModelAttribute ReportForms.FormInput posted, LayoutInput layout, Actor actor, Model model,
			RedirectAttributes redirect) {
		ReportForms.FormInput input = posted;
		try {
			input = layout.applyTo(posted, this.catalog, true);
			long id = this.forms.create(input, actor);
			redirect.addFlashAttribute("done", "已新建报表");
			return "redirect:/report-forms/" + id;
		}
		catch (Rejected ex) {
			return page(model, null, input, layout.shown(), FormErrors.of(ex));
		}
	}

	@GetMapping("/report-forms/{id}")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String edit(@PathVariable long id, Model model) {
		ReportForms.StoredForm form = this.forms.get(id);
		return page(model, form, new ReportForms.FormInput(form.code(), form.json(), form.enabled(), form.version()),
				layoutOf(form.json()), Map.of());
	}

	@PostMapping("/report-forms/{id}")
	@PreAuthorize("hasAuthority('report:form:edit')")
	String update(@PathVariable long id, @ModelAttribute ReportForms.FormInput posted, LayoutInput layout, Actor actor,
			Model model, RedirectAttributes redirect) {
		ReportForms.StoredForm form = this.forms.get(id);
		ReportForms.FormInput input = posted;
		try {
			input = layout.applyTo(posted, this.catalog, false);
			this.forms.update(id, input, actor);
			redirect.addFlashAttribute("done", "已保存报表定义");
			return "redirect:/report-forms/" + id;
		}
		catch (Conflict ex) {
			return page(model, form, input, layout.shown(),
					Map.of("_", ex.getMessage(), "definition", ex.getMessage()));
		}
		catch (Rejected ex) {
			return page(model, form, input, layout.shown(), FormErrors.of(ex));
		}
	}

	/**
	 * The structured editor's view of a definition, or null when only the text fits it.
	 */
	private FormLayout layoutOf(String json) {
		try {
			return FormLayout.of(FormDefinition.read(json, this.catalog)).orElse(null);
		}
		catch (Rejected ex) {
			return null;
		}
	}

	/**
	 * What the structured editor posts ({@code editor=layout}); without it the definition
	 * text was posted (高级). Column fields come as parallel lists, one entry per column
	 * row.
	 */
	record LayoutInput(String editor, String title, String titleBlock, Boolean byRegion, String corner,
			List<String> columnGroup, List<String> columnText, List<String> columnFigure, String notes) {

		boolean posted() {
			return "layout".equals(this.editor);
		}

		FormLayout layout() {
			List<FormLayout.LayoutColumn> columns = new ArrayList<>();
			int n = Math.max(size(this.columnText), Math.max(size(this.columnGroup), size(this.columnFigure)));
			for (int i = 0; i < n; i++) {
				columns.add(new FormLayout.LayoutColumn(at(this.columnGroup, i), at(this.columnText, i),
						at(this.columnFigure, i)));
			}
			return new FormLayout(this.title, this.titleBlock, Boolean.TRUE.equals(this.byRegion), this.corner, columns,
					this.notes);
		}

		/**
		 * The input with the definition built from the layout, when the layout was
		 * posted.
		 */
		ReportForms.FormInput applyTo(ReportForms.FormInput input, MeasureCatalog catalog, boolean creating) {
			if (!posted()) {
				return input;
			}
			String code = input.code();
			if (creating && (code == null || code.isBlank())) {
				code = "form-" + Long.toString(System.currentTimeMillis(), 36);
			}
			ReportForms.FormInput withCode = new ReportForms.FormInput(code, input.definition(), input.enabled(),
					input.version());
			String json = layout().json(catalog);
			return new ReportForms.FormInput(withCode.code(), json, withCode.enabled(), withCode.version());
		}

		/** The layout to show again after a refusal, or null after a text edit. */
		FormLayout shown() {
			return posted() ? layout() : null;
		}

		private static int size(List<String> list) {
			return list == null ? 0 : list.size();
		}

		private static String at(List<String> list, int i) {
			return list == null || i >= list.size() ? "" : list.get(i);
		}

	}

	private String page(Model model, ReportForms.StoredForm form, ReportForms.FormInput input, FormLayout layout,
			Map<String, String> errors) {
		List<FormLayout.LayoutColumn> rows = new ArrayList<>(layout == null ? List.of() : layout.columns());
		for (int i = 0; i < 5; i++) {
			rows.add(new FormLayout.LayoutColumn("", "", ""));
		}
		model.addAttribute("layout", layout);
		model.addAttribute("layoutColumns", rows);
		model.addAttribute("figureGroups",
				FormLayout.figures(this.catalog)
					.stream()
					.collect(Collectors.groupingBy(FormLayout.Figure::group, LinkedHashMap::new, Collectors.toList())));
		model.addAttribute("stored", form);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("measures", this.catalog.all());
		model.addAttribute("placeholders", FormDefinition.PLACEHOLDERS);
		return "reports/definition";
	}

}
