package org.reviewcycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReviewCycleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewCycleApplication.class, args);
    }
}
