import type { SeedStep } from '../common/seed-step';
import type { AvailabilityService } from './availability.service';
import type { ShiftTemplateService, ShiftTemplateSpec } from './shift-template.service';
import type { AvailabilityDoc } from './staff.doc';
import type { StaffService, StaffSpec } from './staff.service';

/** Staff member the demo `agent` account belongs to. */
export const DEMO_AGENT_EMPLOYEE_NO = 'E0001';

/** A generated site: people and their availability, joined by employee number. */
export interface SeedSite {
  staff: StaffSpec[];
  availability: ({ employeeNo: string } & Pick<AvailabilityDoc, 'weekly' | 'exceptions'>)[];
}

const staffId = (employeeNo: string): string => `staff-${employeeNo.replace(/^E/, '')}`;

/** Upserts the demo shift templates by name, with ids `template-<name>`. */
export const shiftTemplateSeedStep = (
  templates: ShiftTemplateService,
  specs: ShiftTemplateSpec[],
): SeedStep => ({
  name: 'shift templates',
  run: () => templates.upsertByName(specs, (name) => `template-${name.replace(/\s+/g, '-')}`),
});

/**
 * Upserts the generated people (ids `staff-0001`…) and replaces their availability; records
 * the demo agent's staff id on the seed context for the accounts step.
 */
export const staffSeedStep = (
  staff: StaffService,
  availability: AvailabilityService,
  site: (anchorDate: string) => SeedSite,
): SeedStep => ({
  name: 'staff and availability',
  async run(ctx) {
    const generated = site(ctx.anchorDate);
    const ids = await staff.upsertByEmployeeNo(generated.staff, staffId, ctx.at);
    const docs: AvailabilityDoc[] = generated.availability.flatMap((a) => {
      const id = ids.get(a.employeeNo);
      return id === undefined
        ? []
        : [
            {
              _id: id,
              staffId: id,
              weekly: a.weekly,
              exceptions: a.exceptions,
              updatedAt: ctx.at,
              updatedBy: null,
            },
          ];
    });
    await availability.replaceMany(docs);
    ctx.agentStaffId = ids.get(DEMO_AGENT_EMPLOYEE_NO) ?? null;
    return generated.staff.length;
  },
});
