package org.fangfei.app.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fangfei.app.shared.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: every module's {@link WorkbenchSection} for the signed-in person, in the
 * order the panels ask for.
 */
@Controller
class WorkbenchPages {

	private final List<WorkbenchSection> sections;

	WorkbenchPages(List<WorkbenchSection> sections) {
		this.sections = List.copyOf(sections);
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		model.addAttribute("panels", panels(actor));
		return "home";
	}

	List<WorkbenchPanel> panels(Actor actor) {
		List<WorkbenchPanel> panels = new ArrayList<>();
		for (WorkbenchSection section : this.sections) {
			panels.addAll(section.panels(actor));
		}
		panels.sort(Comparator.comparingInt(WorkbenchPanel::order).thenComparing(WorkbenchPanel::id));
		return panels;
	}

}
