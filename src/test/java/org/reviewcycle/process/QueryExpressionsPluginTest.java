package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.ognl.AbstractMemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.QueryExpressionsPlugin.KeptReadMethods;

class QueryExpressionsPluginTest {

    /** What the engine's mappings test, in the shapes they take. */
    public static class Shapes {
        public int count = 3;
        /** read from the field: the method of that name may not be called (package-private) */
        public boolean hidden = false;

        public boolean isTenantCheckEnabled() {
            return true;
        }

        public String getName() {
            return "Amy Clarke";
        }

        public boolean isActive() {
            return false;
        }

        public String getBroken() {
            throw new IllegalStateException("broken on purpose");
        }

        boolean isHidden() {
            return true;
        }
    }

    /** A record's components have no getters: read by the method of their name. */
    public record Mail(String dedupKey) {
    }

    /** Public members only, as MyBatis allows where it may not open others. */
    private static final AbstractMemberAccess PUBLIC_ONLY = new AbstractMemberAccess() {
        @Override
        public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
            return Modifier.isPublic(member.getModifiers());
        }
    };

    private static final List<String> PROPERTIES = List.of("isTenantCheckEnabled", "name", "active", "count",
            "broken", "hidden", "isHidden", "nothingByThatName");

    @Test
    void readsEveryShapeOfPropertyAsOgnlsOwnAccessorDoes() {
        var ours = new KeptReadMethods(KeptReadMethods::readMethodOf);
        var ognls = new ObjectPropertyAccessor();
        var target = new Shapes();
        for (String property : PROPERTIES) {
            for (int time = 0; time < 2; time++) { // the second time from what was kept
                Object expected = read(ognls, target, property);
                Object actual = read(ours, target, property);
                assertThat(actual).as(property).isEqualTo(expected);
            }
        }
        var mail = new Mail("head-approval-42");
        assertThat(read(ours, mail, "dedupKey")).isEqualTo(read(ognls, mail, "dedupKey")).isEqualTo("head-approval-42");
        assertThat(read(ours, target, "isTenantCheckEnabled")).isEqualTo(true);
        assertThat(read(ours, target, "name")).isEqualTo("Amy Clarke");
        assertThat(read(ours, target, "count")).isEqualTo(3);
        assertThat(read(ours, target, "hidden")).isEqualTo(false);
        assertThat(read(ours, target, "broken")).asString().contains("broken on purpose");
    }

    @Test
    void looksUpTheMethodForEachClassAndPropertyOnce() throws Exception {
        var lookUps = new AtomicInteger();
        var ours = new KeptReadMethods((type, property) -> {
            lookUps.incrementAndGet();
            return KeptReadMethods.readMethodOf(type, property);
        });
        var context = Ognl.createDefaultContext(null, PUBLIC_ONLY);
        for (int time = 0; time < 100; time++) {
            assertThat(ours.getProperty(context, new Shapes(), "isTenantCheckEnabled")).isEqualTo(true);
        }
        assertThat(lookUps).hasValue(1);
        ours.getProperty(context, new Shapes(), "name");
        ours.getProperty(context, new Shapes(), "name");
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void theEnginesMappingsReadThroughItOnceTheEngineStarts() {
        new QueryExpressionsPlugin().preInit(null);

        assertThat(accessorFor(TenantCheck.class)).isSameAs(KeptReadMethods.installed());
        assertThat(accessorFor(TaskQueryImpl.class)).isSameAs(KeptReadMethods.installed());
        // as the engine's task query asks, through MyBatis's own evaluation: methods without a getter's name
        var query = new TaskQueryImpl();
        var evaluate = new ExpressionEvaluator();
        assertThat(evaluate.evaluateBoolean("query.isOrQueryActive", Map.of("query", query))).isFalse();
        assertThat(evaluate.evaluateBoolean("query.isWithoutTenantId", Map.of("query", query))).isFalse();
        query.withoutTenantId();
        assertThat(evaluate.evaluateBoolean("query.isWithoutTenantId", Map.of("query", query))).isTrue();
        // and a getter, as before
        var tenantCheck = new TenantCheck();
        tenantCheck.setTenantCheckEnabled(true);
        assertThat(evaluate.evaluateBoolean("tenantCheck.isTenantCheckEnabled", Map.of("tenantCheck", tenantCheck)))
                .isTrue();
        // maps keep OGNL's own accessor
        assertThat(accessorFor(HashMap.class)).isNotInstanceOf(KeptReadMethods.class);
    }

    @Test
    void readMethodOfFindsAGetterFirstThenAMethodOfThatName() {
        Method getter = KeptReadMethods.readMethodOf(Shapes.class, "name");
        Method named = KeptReadMethods.readMethodOf(Shapes.class, "isTenantCheckEnabled");
        assertThat(getter.getName()).isEqualTo("getName");
        assertThat(named.getName()).isEqualTo("isTenantCheckEnabled");
        assertThat(KeptReadMethods.readMethodOf(Shapes.class, "nothingByThatName")).isNull();
    }

    private static PropertyAccessor accessorFor(Class<?> type) {
        try {
            return OgnlRuntime.getPropertyAccessor(type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The value read, or the failure's class and message (the same failure reads the same). */
    private static Object read(ObjectPropertyAccessor accessor, Object target, String property) {
        var context = Ognl.createDefaultContext(target, PUBLIC_ONLY);
        Object[] value = new Object[1];
        Throwable failure = catchThrowable(() -> value[0] = accessor.getProperty(context, target, property));
        if (failure == null) {
            return value[0];
        }
        Throwable cause = failure.getCause();
        return failure.getClass().getName() + ": " + failure.getMessage()
                + (cause == null ? "" : " / " + cause.getClass().getName() + ": " + cause.getMessage());
    }
}
