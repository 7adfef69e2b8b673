-- Run once by the postgres image on an empty volume (docker-compose.yml): each service owns its
-- database (ARCHITECTURE: no service reads another's tables).
CREATE DATABASE identity;
CREATE DATABASE intake;
CREATE DATABASE enrollment;
CREATE DATABASE services;
CREATE DATABASE referrals;
CREATE DATABASE documents;
CREATE DATABASE fssp;
CREATE DATABASE notifications;
CREATE DATABASE rent_assistance;
CREATE DATABASE reporting;
