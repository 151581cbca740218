package dev.dbtool.core.model;

public enum SortOrder { Asc, Desc }
