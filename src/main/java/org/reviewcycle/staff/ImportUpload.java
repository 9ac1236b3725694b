package org.reviewcycle.staff;

/** A staff file kept between the steps of an import (table staff_import_upload); mapping is JSON. */
class ImportUpload {

    private Long id;
    private Long schoolId;
    private String fileName;
    private byte[] content;
    private String mapping;

    ImportUpload() {
    }

    ImportUpload(Long schoolId, String fileName, byte[] content) {
        this.schoolId = schoolId;
        this.fileName = fileName;
        this.content = content;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(Long schoolId) {
        this.schoolId = schoolId;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public byte[] getContent() {
        return content;
    }

    public void setContent(byte[] content) {
        this.content = content;
    }

    public String getMapping() {
        return mapping;
    }

    public void setMapping(String mapping) {
        this.mapping = mapping;
    }
}
