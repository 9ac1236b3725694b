package org.reviewcycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ReviewCycleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewCycleApplication.class, args);
    }
}
