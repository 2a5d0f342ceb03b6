package org.fangfei.app.campaign;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, editing and removing a campaign's tasks with their lead and assisting units.
 */
@Controller
class TaskPages {

	private final Campaigns campaigns;

	private final CampaignTasks tasks;

	private final CampaignUnits units;

	TaskPages(Campaigns campaigns, CampaignTasks tasks, CampaignUnits units) {
		this.campaigns = campaigns;
		this.tasks = tasks;
		this.units = units;
	}

	@GetMapping("/campaigns/{id}/tasks/new")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String blank(@PathVariable long id, Actor actor, Model model) {
		return form(model, this.campaigns.editable(id, actor), null, CampaignForms.TaskForm.blank(), null);
	}

	@GetMapping("/campaigns/{id}/tasks/{taskId}/edit")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String edit(@PathVariable long id, @PathVariable long taskId, Actor actor, Model model) {
		Campaign c = this.campaigns.editable(id, actor);
		Campaign.Task t = c.tasks()
			.stream()
			.filter(x -> x.id() == taskId)
			.findFirst()
			.orElseThrow(() -> new NotFound("任务"));
		return form(model, c, taskId, CampaignForms.TaskForm.of(t), null);
	}

	@PostMapping("/campaigns/{id}/tasks")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String create(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForms.TaskForm form,
			BindingResult binding, Actor actor, Model model) {
		return save(id, null, form, binding, actor, model);
	}

	@PostMapping("/campaigns/{id}/tasks/{taskId}")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String update(@PathVariable long id, @PathVariable long taskId,
			@Valid @ModelAttribute("form") CampaignForms.TaskForm form, BindingResult binding, Actor actor,
			Model model) {
		return save(id, taskId, form, binding, actor, model);
	}

	@PostMapping("/campaigns/{id}/tasks/{taskId}/delete")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String remove(@PathVariable long id, @PathVariable long taskId, Actor actor, RedirectAttributes redirect) {
		try {
			this.tasks.remove(id, taskId, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("taskError", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "#tasks";
	}

	private String save(long id, Long taskId, CampaignForms.TaskForm form, BindingResult binding, Actor actor,
			Model model) {
		Campaign c = this.campaigns.editable(id, actor);
		if (binding.hasErrors()) {
			return form(model, c, taskId, form, FormErrors.of(binding));
		}
		try {
			this.tasks.save(id, taskId, form, actor);
			return "redirect:/campaigns/" + id + "#tasks";
		}
		catch (Rejected ex) {
			return form(model, c, taskId, form, FormErrors.of(ex));
		}
	}

	private String form(Model model, Campaign c, Long taskId, CampaignForms.TaskForm form, Map<String, String> errors) {
		model.addAttribute("c", c);
		model.addAttribute("taskId", taskId);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("choices", this.units.choices(c.regionCode()));
		model.addAttribute("periods", Period.values());
		return "campaigns/task-form";
	}

}
