package org.reviewcycle.staff;

/** The staff categories schools use; the category decides, for instance, whether a pay recommendation is made. */
public enum StaffCategory {
    HEADTEACHER("Headteacher", true),
    DEPUTY_HEAD("Deputy head", true),
    TEACHER_MPG("Teacher (main pay range)", true),
    TEACHER_UPS1("Teacher (UPS 1)", true),
    TEACHER_UPS2("Teacher (UPS 2)", true),
    TEACHER_UPS3("Teacher (UPS 3)", true),
    TEACHER_TLR("Teacher with a TLR", true),
    EARLY_YEARS_TEACHER("Early years teacher", true),
    HLTA("Higher level teaching assistant", false),
    TEACHING_ASSISTANT("Teaching assistant", false),
    LEARNING_MENTOR("Learning mentor", false),
    ADMINISTRATOR("Administrator", false),
    KITCHEN_MANAGER("Kitchen manager", false),
    OTHER_SUPPORT_STAFF("Other support staff", false);

    private final String label;
    private final boolean teacher;

    StaffCategory(String label, boolean teacher) {
        this.label = label;
        this.teacher = teacher;
    }

    public String label() {
        return label;
    }

    /** Teachers are observed teaching and get a pay recommendation; support staff are not and do not. */
    public boolean isTeacher() {
        return teacher;
    }
}
