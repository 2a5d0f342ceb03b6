package org.fangfei.app.organisation;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * The jurisdiction's organisation on the workbench: townships, villages, grids, member
 * units and grid staff, for those who may see the region tree.
 */
@Component
class OrganisationOnWorkbench implements WorkbenchSection {

	private final OrganisationTree tree;

	OrganisationOnWorkbench(OrganisationTree tree) {
		this.tree = tree;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("org:region:view") && !actor.can("org:grid:view")) {
			return List.of();
		}
		OrganisationTree.Totals t = this.tree.totals(actor.scope());
		String tree = "/org/tree";
		String grids = actor.can("org:grid:view") ? "/grids" : null;
		return List.of(new WorkbenchPanel("organisation", 90, "辖区组织", tree, List.of(
				new Figure("townships", "乡镇(街道)", t.townships(), tree, false),
				new Figure("villages", "村(社区)", t.villages(), tree, false),
				new Figure("level1-grids", "一级网格", t.level1Grids(), grids, false),
				new Figure("level2-grids", "二级网格", t.level2Grids(), grids, false),
				new Figure("departments", "成员单位", t.departments(),
						actor.can("org:department:view") ? "/departments" : null, false),
				new Figure("people", "网格人员", t.people(), actor.can("org:person:view") ? "/people" : null, false)), null,
				List.of(), List.of()));
	}

}
