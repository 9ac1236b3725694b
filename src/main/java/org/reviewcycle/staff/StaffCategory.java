package org.reviewcycle.staff;

/**
 * The staff categories schools use. What each category's review holds (lesson observations, a pay
 * recommendation) is the ReviewPlan decision's (bpmn/ReviewPlan.dmn), which an admin can change.
 */
public enum StaffCategory {
    HEADTEACHER("Headteacher"),
    DEPUTY_HEAD("Deputy head"),
    TEACHER_MPG("Teacher (main pay range)"),
    TEACHER_UPS1("Teacher (UPS 1)"),
    TEACHER_UPS2("Teacher (UPS 2)"),
    TEACHER_UPS3("Teacher (UPS 3)"),
    TEACHER_TLR("Teacher with a TLR"),
    EARLY_YEARS_TEACHER("Early years teacher"),
    HLTA("Higher level teaching assistant"),
    TEACHING_ASSISTANT("Teaching assistant"),
    LEARNING_MENTOR("Learning mentor"),
    ADMINISTRATOR("Administrator"),
    KITCHEN_MANAGER("Kitchen manager"),
    OTHER_SUPPORT_STAFF("Other support staff");

    private final String label;

    StaffCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Support staff keep the cycle's support-staff dates (ReviewCycle.milestonesFor); everyone else,
     * teachers and leaders, the teachers' dates.
     */
    public boolean supportStaff() {
        return switch (this) {
            case HLTA, TEACHING_ASSISTANT, LEARNING_MENTOR, ADMINISTRATOR, KITCHEN_MANAGER, OTHER_SUPPORT_STAFF -> true;
            default -> false;
        };
    }
}
