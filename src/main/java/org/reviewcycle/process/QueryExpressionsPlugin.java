package org.reviewcycle.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Has MyBatis keep the method behind each property that a query's SQL tests. For a property named after a
 * method rather than a getter, MyBatis's expression language (OGNL 3.4.2, inside MyBatis 3.5.15) keeps only
 * that there is no getter, and then searches all of the class's public methods by name on every use: the
 * engine's task query tests {@code query.isOrQueryActive} and {@code query.isWithoutTenantId} on a class of
 * 310 public methods, each copied and compared every time, which was about a tenth of the server's CPU
 * in a task list request. The history queries test {@code authCheck.isHistoricInstancePermissionsEnabled}, and
 * our own mappers read records' components ({@code mail.dedupKey}), the same way.
 * {@link KeptReadMethods} reads properties as OGNL's own accessor does, and keeps what it found.
 */
@Component
class QueryExpressionsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        KeptReadMethods.install();
    }

    /**
     * OGNL's {@link ObjectPropertyAccessor} (how MyBatis reads a property of any object OGNL has no accessor
     * of its own for: not a map, a list, a set or an array), with the method found for each class and
     * property kept: a getter, else a method of that name, called if MyBatis allows it, else a field of that
     * name, as OGNL 3.4.2 does.
     */
    static final class KeptReadMethods extends ObjectPropertyAccessor {

        private static final KeptReadMethods INSTANCE = new KeptReadMethods(KeptReadMethods::readMethodOf);

        private final BiFunction<Class<?>, String, Method> lookUp;
        private final ClassValue<ConcurrentHashMap<String, Optional<Method>>> found = new ClassValue<>() {
            @Override
            protected ConcurrentHashMap<String, Optional<Method>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        KeptReadMethods(BiFunction<Class<?>, String, Method> lookUp) {
            this.lookUp = lookUp;
        }

        /** For every object MyBatis reads, from now on; a class OGNL has already looked at may keep OGNL's own. */
        static void install() {
            OgnlRuntime.setPropertyAccessor(Object.class, INSTANCE);
        }

        static KeptReadMethods installed() {
            return INSTANCE;
        }

        /**
         * The method OGNL's {@code OgnlRuntime.getMethodValue} reads the property with: a getter, else a method
         * of that name.
         */
        static Method readMethodOf(Class<?> type, String property) {
            Method getter = OgnlRuntime.getGetMethod(type, property);
            return getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null);
        }

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Class<?> type = target.getClass();
            try {
                Method method = found.get(type)
                        .computeIfAbsent(name, property -> Optional.ofNullable(lookUp.apply(type, property)))
                        .orElse(null);
                if (method == null || !context.getMemberAccess().isAccessible(context, target, method, name)) {
                    // OGNL, finding no method it may call, reads a field of that name (or reports none)
                    return OgnlRuntime.getFieldValue(context, target, name, true);
                }
                return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (Exception e) { // wrapped as OGNL's own accessor wraps it
                throw new OgnlException(name, e);
            }
        }
    }
}
